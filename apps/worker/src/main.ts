import './start-tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, ConfigurationError } from '@lib/config';
import { loadProcessConfig } from '@workflows/registry-lookups';
import { workerTelemetry } from './metrics/worker-telemetry';
import { temporalLogger } from './temporal-logger';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadProcessConfig();
  // Nest owns SIGINT/SIGTERM so that shutdown runs in one order: worker, then database.
  Runtime.install({
    shutdownSignals: [],
    logger: temporalLogger(config.logLevel, config.logPretty),
    telemetryOptions: workerTelemetry(config.workerMetricsAddress),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, (message) => logger.log(message, 'Shutdown'));
  await app.get(TemporalWorkerService).done;
}

bootstrap().catch((err: unknown) => {
  const message = err instanceof ConfigurationError ? err.message : err instanceof Error ? err.stack : String(err);
  process.stderr.write(`worker failed to start: ${message}\n`);
  process.exit(1);
});
