import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../libs/config/src';
import { loadProcessConfig } from '../../workflows/registry-lookups';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DEMO_PEOPLE, ForumEntity, PersonEntity } from '../../libs/persistence/src';
import { claimBrowserPort } from './browser-ports';
import { PersonTokens, serviceAccessToken } from './identity';
import { quietTemporalRuntime } from './quiet-temporal';

/** A supertest client whose requests carry one person's bearer token (or none). */
export interface HttpAs {
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  put(url: string): request.Test;
  delete(url: string): request.Test;
  options(url: string): request.Test;
}

export interface TestStack {
  config: AppConfig;
  /** Set when started with `listen: true`. */
  baseUrl?: string;
  /**
   * Requests as a person of the directory (the demo cast, or people added with
   * addPeople), `coord-lavoie` by default, with the access token they got by
   * signing in at the run's identity provider; `null` for no token.
   */
  http: (as?: string | null) => HttpAs;
  /** Requests with any bearer token, e.g. expired or forged ones. */
  withToken: (token: string) => HttpAs;
  /** Puts these people in the directory when missing (active, with these roles, `expert` by default) and signs them in. */
  addPeople: (ids: string[], roles?: string[]) => Promise<void>;
  /** Puts these forums in the reference list when missing (a test's own forum keeps its participations apart from other files'). */
  addForums: (codes: string[]) => Promise<void>;
  /** A person's access token from the identity provider (the same one `http(id)` sends). */
  token: (personId: string) => Promise<string>;
  /** Requests as a service signed in with its client credentials (`integration`: the sender of POST /events). */
  service: (clientId?: string) => HttpAs;
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
  { worker: withWorker = true, listen = false } = {},
): Promise<TestStack> {
  quietTemporalRuntime();
  // A browser signs in at the provider, which sends it back only to registered addresses.
  const browserPort = listen ? claimBrowserPort() : undefined;
  const config = loadProcessConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    HTTP_PORT: '0',
    ...(browserPort ? { PUBLIC_BASE_URL: `http://127.0.0.1:${browserPort.port}` } : {}),
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
  // Browser tests need a real port; supertest needs none.
  if (browserPort) await api.listen(browserPort.port, '127.0.0.1');
  const server = api.getHttpServer();
  const address = listen ? (server.address() as { port: number }) : undefined;
  const tokens = new PersonTokens();
  const serviceTokens = new Map<string, Promise<string>>();
  await tokens.prefetch(DEMO_PEOPLE.map((p) => p.id));
  const withToken = (token: string | null): HttpAs => {
    const authed = (test: request.Test) => (token ? test.set('Authorization', `Bearer ${token}`) : test);
    return {
      get: (url) => authed(request(server).get(url)),
      post: (url) => authed(request(server).post(url)),
      patch: (url) => authed(request(server).patch(url)),
      put: (url) => authed(request(server).put(url)),
      delete: (url) => authed(request(server).delete(url)),
      options: (url) => authed(request(server).options(url)),
    };
  };
  return {
    config,
    baseUrl: address ? `http://127.0.0.1:${address.port}` : undefined,
    http: (as = 'coord-lavoie') => {
      if (as === null) return withToken(null);
      const token = tokens.fresh(as);
      // Someone without a token yet: each request signs them in first, then goes.
      return token ? withToken(token) : withLazyToken(server, () => tokens.get(as));
    },
    withToken,
    addPeople: async (ids, roles = ['expert']) => {
      const people = ids.map((id) => ({ id, displayName: id, email: `${id}@example.org`, roles, active: true }));
      await api
        .get<DataSource>(getDataSourceToken())
        .getRepository(PersonEntity)
        .createQueryBuilder()
        .insert()
        .values(people)
        .orIgnore()
        .execute();
      await tokens.prefetch(ids);
    },
    addForums: async (codes) => {
      const rows = codes.map((code) => ({ code, nameFr: `Forum ${code}`, nameEn: `Forum ${code}`, type: 'forum' }));
      await api
        .get<DataSource>(getDataSourceToken())
        .getRepository(ForumEntity)
        .createQueryBuilder()
        .insert()
        .values(rows)
        .orIgnore()
        .execute();
    },
    token: (personId) => tokens.get(personId),
    service: (clientId = 'integration') => {
      let token = serviceTokens.get(clientId);
      if (!token) serviceTokens.set(clientId, (token = serviceAccessToken(clientId)));
      return withLazyToken(server, () => token);
    },
    client: api.get(Client),
    dataSource: api.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await api.close();
      browserPort?.release();
      await worker?.close();
    },
  };
}

/** Requests whose bearer token is obtained just before each is sent (supertest sends when awaited or ended). */
function withLazyToken(server: Parameters<typeof request>[0], token: () => Promise<string>): HttpAs {
  const lazy = (test: request.Test): request.Test => {
    const send = test.end.bind(test);
    test.end = (callback) => {
      token().then(
        (value) => {
          test.set('Authorization', `Bearer ${value}`);
          send(callback);
        },
        (err: Error) => callback?.(err, undefined as unknown as request.Response),
      );
      return test;
    };
    return test;
  };
  return {
    get: (url) => lazy(request(server).get(url)),
    post: (url) => lazy(request(server).post(url)),
    patch: (url) => lazy(request(server).patch(url)),
    put: (url) => lazy(request(server).put(url)),
    delete: (url) => lazy(request(server).delete(url)),
    options: (url) => lazy(request(server).options(url)),
  };
}

/** Polls until `check` returns a value other than undefined, or fails with what it last saw. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
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
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
