import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, loadConfig } from '@lib/config';
import { temporalLogger } from './temporal-logger';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // Nest owns SIGINT/SIGTERM so that shutdown runs in one order: worker, then database.
  Runtime.install({ shutdownSignals: [], logger: temporalLogger(config.logLevel) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.get(TemporalWorkerService).done;
}

bootstrap().catch((err: unknown) => {
  const message = err instanceof ConfigurationError ? err.message : err instanceof Error ? err.stack : String(err);
  process.stderr.write(`worker failed to start: ${message}\n`);
  process.exit(1);
});
