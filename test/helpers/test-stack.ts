import { createHmac, randomUUID } from 'node:crypto';
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
import { mintDevToken } from '../../apps/api/src/auth/dev-token';
import { DEMO_PEOPLE } from '../../libs/persistence/src';
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
  /** Requests as a demo person (see DEMO_PEOPLE), `coord-lavoie` by default; `null` for no token. */
  http: (as?: string | null) => HttpAs;
  /** Requests with any bearer token, e.g. expired or forged ones. */
  withToken: (token: string) => HttpAs;
  /** Lets `http(id)` act as people a test created itself (beyond the demo people). */
  addPeople: (ids: string[], roles?: string[]) => Promise<void>;
  /** Mints a development token signed with the run's secret (for the configured issuer and audience unless given others). */
  token: (subject: string, options?: { roles?: string[]; ttl?: string; audience?: string }) => Promise<string>;
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
  const config = loadProcessConfig({
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
  // Browser tests need a real port; supertest needs none.
  if (listen) await api.listen(0, '127.0.0.1');
  const server = api.getHttpServer();
  const address = listen ? (server.address() as { port: number }) : undefined;
  const secret = config.auth.devSecret as string;
  // Tokens name the issuer and audience the API expects, when it is configured with them.
  const { issuer, audience } = config.auth;
  const mint = (subject: string, options: Parameters<typeof mintDevToken>[2] = {}) =>
    mintDevToken(secret, subject, { issuer, audience, ...options });
  const tokens = new Map(await Promise.all(DEMO_PEOPLE.map(async (p) => [p.id, await mint(p.id)] as const)));
  // The processes' fixtures name a few more people; their roles travel in the token.
  for (const [id, roles] of Object.entries(FIXTURE_PEOPLE)) {
    tokens.set(id, await mint(id, { roles, groups: FIXTURE_GROUPS[id] }));
  }
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
      let token = tokens.get(as);
      if (!token) {
        // Someone a fixture names in passing: an expert (and coordinator) whose roles travel in the token.
        token = signDevTokenSync(secret, {
          sub: as,
          roles: FIXTURE_PEOPLE[as] ?? ['expert', 'coordinator'],
          groups: FIXTURE_GROUPS[as],
          iss: issuer,
          aud: audience,
        });
        tokens.set(as, token);
      }
      return withToken(token);
    },
    withToken,
    addPeople: async (ids, roles) => {
      for (const id of ids) tokens.set(id, await mint(id, { roles }));
    },
    token: (subject, options) => mint(subject, options),
    client: api.get(Client),
    dataSource: api.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await api.close();
      await worker?.close();
    },
  };
}

/** People the process fixtures act as, beyond the demo cast, with their roles. */
const FIXTURE_PEOPLE: Record<string, string[]> = Object.fromEntries([
  ...[
    'analyst-fortin',
    'delegate-ouellet',
    'expert-caron',
    'expert-gagnon',
    'expert-morin',
    'expert-nadeau',
    'expert-pelletier',
    'intern-2027-042',
    'liaison-roy',
    'officer-bergeron',
    'rep-bouchard',
    'someone-else',
  ].map((id) => [id, ['expert']]),
  ...['dm-commerce', 'federal-government'].map((id) => [id, ['coordinator']]),
]);

/**
 * The same HS256 development token as mintDevToken, signed synchronously so
 * that `http(id)` stays a plain call for people a fixture names in passing.
 */
function signDevTokenSync(secret: string, claims: { sub: string; roles: string[]; groups?: string[]; iss?: string; aud?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  // JSON.stringify leaves out the claims that are undefined.
  const body = `${b64({ alg: 'HS256' })}.${b64({ ...claims, iat: now, exp: now + 8 * 3600 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Shared inboxes the fixture people belong to. */
const FIXTURE_GROUPS: Record<string, string[]> = { 'officer-bergeron': ['intern-office'] };

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
