import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../libs/config/src';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { quietTemporalRuntime } from './quiet-temporal';

export interface TestStack {
  config: AppConfig;
  http: () => request.Agent;
  client: Client;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The API and a worker as the real processes build them, in this test
 * process, against the run's Temporal server and database. Each stack polls a
 * task queue of its own, so test files with different durations never share workers.
 */
export async function startTestStack(
  env: Record<string, string> = {},
  { worker: withWorker = true } = {},
): Promise<TestStack> {
  quietTemporalRuntime();
  const config = loadConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    HTTP_PORT: '0',
    ...env,
  });
  let worker: INestApplicationContext | undefined;
  if (withWorker) {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
    await worker.init();
  }
  const api = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureApp(api);
  await api.init();
  const server = api.getHttpServer();
  return {
    config,
    http: () => request.agent(server),
    client: api.get(Client),
    dataSource: api.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await api.close();
      await worker?.close();
    },
  };
}

/** Polls until `check` returns a value other than undefined, or fails with what it last saw. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  // 30 s: the machine is shared, and the fault suites load it while other files run.
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
