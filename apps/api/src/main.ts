import './start-tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, ConfigurationError } from '@lib/config';
import { loadProcessConfig } from '@workflows/registry-lookups';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadProcessConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  const logger = app.get(Logger);
  closeOnSignals(app, (message) => logger.log(message, 'Shutdown'));
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((err: unknown) => {
  const message = err instanceof ConfigurationError ? err.message : err instanceof Error ? err.stack : String(err);
  process.stderr.write(`api failed to start: ${message}\n`);
  process.exit(1);
});
