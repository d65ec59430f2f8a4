import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  resolvePostgresServer,
  type PostgresServer,
} from '../postgres/postgres-server';
import { repoRoot } from '../temporal/dev-server';
import { freePort } from '../net/free-port';
import { stopChild } from '../process/stop-child';
import { ApiClient } from './api-client';
import { benchRoles, enrolBenchPerson } from './fixtures';
import { startClusterTarget, startDevTarget, type BenchConfig, type TemporalTarget } from './temporal-target';
import { BenchTokenIssuer } from './token-issuer';

export interface StackOptions {
  runId: string;
  cliPath: string;
  /** The dev server (default), or the production cluster on PostgreSQL. */
  config?: BenchConfig;
  /** A dev server to reuse instead of starting one (dev configuration only). */
  temporalAddress?: string;
  logLevel: string;
  profile: boolean;
  keep: boolean;
  log: (message: string) => void;
  /** More environment for every Node process the stack starts (the soak's vitals reporter). */
  childEnv?: Record<string, string>;
}

/**
 * What the bench measures, started as `npm run up` starts it (same infra
 * scripts, the built dist/ processes): a Temporal dev server (fresh, or reused
 * with --temporal-address) or the multi-process cluster (infra/cluster), PostgreSQL (DATABASE_URL, the local server, or the
 * embedded one) with a database of its own, migrated; the API and the worker
 * as real processes, so their memory and CPU are theirs alone; and the
 * bare-Temporal reference worker on a task queue of its own.
 */
export class BenchStack {
  readonly workDir: string;
  readonly taskQueue: string;
  readonly bareTaskQueue: string;
  readonly database: string;
  temporal!: TemporalTarget;
  postgres!: PostgresServer;
  databaseUrl!: string;
  client!: Client;
  /** A pool on the bench database for the bench's own reads (counts, timer lateness). */
  db!: Pool;
  api!: ApiClient;
  private issuer?: BenchTokenIssuer;
  private connection?: Connection;
  private readonly children: Record<'api' | 'worker' | 'bare', ChildProcess | undefined> = {
    api: undefined,
    worker: undefined,
    bare: undefined,
  };
  private apiEnv: Record<string, string> = {};

  constructor(private readonly options: StackOptions) {
    this.workDir = join(repoRoot(), '.data', 'bench', options.runId);
    this.taskQueue = `bench-${options.runId}`;
    this.bareTaskQueue = `bench-bare-${options.runId}`;
    this.database = `bench_${options.runId.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  }

  get temporalDbFile(): string | undefined {
    return this.temporal.reused || this.temporal.config !== 'dev' ? undefined : join(this.workDir, 'temporal.db');
  }

  get config(): BenchConfig {
    return this.options.config ?? 'dev';
  }

  /** The processes' ids; `temporal` is the dev server's (the cluster's services are in temporalPids()). */
  pids(): Record<'api' | 'worker' | 'bare' | 'temporal', number | undefined> {
    const { api, worker, bare } = this.children;
    return { api: api?.pid, worker: worker?.pid, bare: bare?.pid, temporal: this.temporal?.pids().temporal };
  }

  /** The Temporal server's processes by name: one for the dev server, one per service on the cluster. */
  temporalPids(): Record<string, number | undefined> {
    return this.temporal.pids();
  }

  async start(): Promise<void> {
    const { log } = this.options;
    mkdirSync(this.workDir, { recursive: true });
    this.issuer = await BenchTokenIssuer.start();
    // PostgreSQL first: the cluster keeps its own databases there.
    this.postgres = await resolvePostgresServer({ log });
    this.temporal =
      this.config === 'cluster'
        ? await startClusterTarget({ workDir: this.workDir, database: this.database, postgresServerUrl: this.postgres.serverUrl, log })
        : await startDevTarget({ cliPath: this.options.cliPath, workDir: this.workDir, address: this.options.temporalAddress });
    log(
      `Temporal ${this.config === 'cluster' ? 'cluster' : 'dev server'} ${this.temporal.reused ? 'reused' : 'started'} at ${this.temporal.address}`,
    );
    this.connection = await Connection.connect({ address: this.temporal.address });
    this.client = new Client({ connection: this.connection });

    await createDatabaseIfMissing(this.postgres.serverUrl, this.database);
    this.databaseUrl = databaseUrl(this.postgres.serverUrl, this.database);
    this.db = new Pool({ connectionString: this.databaseUrl, max: 4 });
    log(`PostgreSQL (${this.postgres.source}): database ${this.database}`);
    await this.runToEnd('migrations', join(repoRoot(), 'dist/infra/scripts/migrate.js'), ['run']);

    this.children.worker = this.launch('worker', join(repoRoot(), 'dist/apps/worker/src/main.js'), {});
    this.children.bare = this.launch('bare', join(repoRoot(), 'dist/infra/bench/bare-worker.js'), {
      BENCH_TEMPORAL_ADDRESS: this.temporal.address,
      BENCH_TASK_QUEUE: this.bareTaskQueue,
      BENCH_DATABASE_URL: this.databaseUrl,
    });
    await this.startApi({});
    await Promise.all([this.waitForPoller(this.taskQueue), this.waitForPoller(this.bareTaskQueue)]);
    log(`API at ${this.api.baseUrl}, worker on ${this.taskQueue}, bare worker on ${this.bareTaskQueue}`);
  }

  private readonly people = new Map<string, Promise<unknown>>();

  /** The API serves active people of the directory only: each bench person is put there once, with their role. */
  private inDirectory(actorId: string): Promise<unknown> {
    let added = this.people.get(actorId);
    if (!added) {
      added = enrolBenchPerson(this.db, actorId);
      this.people.set(actorId, added);
    }
    return added;
  }

  /** The bearer token of a service (client credentials), e.g. `integration`, the sender of POST /events. */
  serviceToken(clientId: string): Promise<string> {
    return (this.issuer as BenchTokenIssuer).serviceToken(clientId, ['integration']);
  }

  /** (Re)starts the API with extra environment (e.g. a scenario's deadlines); a no-op when unchanged. */
  async startApi(extraEnv: Record<string, string>): Promise<void> {
    if (this.children.api && JSON.stringify(extraEnv) === JSON.stringify(this.apiEnv)) return;
    if (this.children.api) await stopChild(this.children.api);
    const port = await freePort();
    this.apiEnv = extraEnv;
    const issuer = this.issuer as BenchTokenIssuer;
    this.children.api = this.launch('api', join(repoRoot(), 'dist/apps/api/src/main.js'), {
      ...issuer.apiEnv,
      // The bench's coordinator launches thousands of participations a minute; people are limited, the bench is not.
      RATE_LIMIT_WRITES: '1000000',
      ...extraEnv,
      HTTP_PORT: String(port),
    });
    this.api = new ApiClient(
      `http://127.0.0.1:${port}`,
      async (actorId) => {
        await this.inDirectory(actorId);
        return issuer.token(actorId, benchRoles(actorId));
      },
      (people) => Promise.all(people.map((id) => this.inDirectory(id))),
    );
    const deadline = Date.now() + 60_000;
    while (!(await this.api.health())) {
      if (Date.now() > deadline) throw new Error(`the API did not report healthy within 60 s (see ${this.workDir}/api.log)`);
      await delay(200);
    }
  }

  /**
   * Waits until the server holds no backlog for the bench's workers, so that
   * work left over from one measured phase does not slow down the next.
   */
  async settle(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let quietChecks = 0; quietChecks < 2;) {
      const backlogs = await Promise.all(
        [this.taskQueue, this.bareTaskQueue].flatMap((name) =>
          [1, 2].map(async (taskQueueType) => {
            const { stats } = await this.client.workflowService.describeTaskQueue({
              namespace: 'default',
              taskQueue: { name },
              taskQueueType,
              reportStats: true,
            });
            return Number(stats?.approximateBacklogCount ?? 0);
          }),
        ),
      );
      quietChecks = backlogs.every((count) => count === 0) ? quietChecks + 1 : 0;
      if (Date.now() > deadline) {
        this.options.log(`the server still had a backlog (${backlogs.join(', ')}) after ${timeoutMs / 1000} s; measuring anyway`);
        return;
      }
      await delay(500);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.children).map((child) => (child ? stopChild(child) : Promise.resolve())));
    await this.db?.end().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
    await this.temporal?.stop(this.options.keep);
    await this.issuer?.close();
    if (!this.options.keep) {
      if (this.postgres) await dropDatabase(this.postgres.serverUrl, this.database).catch(() => undefined);
      rmSync(join(this.workDir, 'temporal.db'), { force: true });
      rmSync(join(this.workDir, 'temporal.db-wal'), { force: true });
      rmSync(join(this.workDir, 'temporal.db-shm'), { force: true });
    }
    await this.postgres?.stop();
  }

  private processEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      WORKFLOW_BUNDLE_PATH: join(repoRoot(), 'dist', 'workflow-bundle.js'),
      LOG_LEVEL: this.options.logLevel,
      HTTP_HOST: '127.0.0.1',
      ...extra,
    };
  }

  private launch(name: string, script: string, extra: Record<string, string>): ChildProcess {
    const out = openSync(join(this.workDir, `${name}.log`), 'a');
    const profile = this.options.profile && name !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${join(this.workDir, 'profiles', name)}`] : [];
    // PGAPPNAME names the process's connections in pg_stat_activity (node-postgres reads it), so they can be counted per process.
    const env = this.processEnv({ PGAPPNAME: `bench-${name}`, ...this.options.childEnv, ...extra });
    const child = spawn(process.execPath, [...profile, script], { env, stdio: ['ignore', out, out] });
    closeSync(out);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGTERM' && code !== 0)
        this.options.log(`${name} exited unexpectedly (${code ?? signal}); see ${this.workDir}/${name}.log`);
    });
    return child;
  }

  private runToEnd(name: string, script: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], { env: this.processEnv({}), stdio: 'ignore' });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code})`))));
    });
  }

  /** Waits until a worker polls the task queue, so that the first measured operation does not wait for it. */
  private async waitForPoller(taskQueue: string): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { pollers } = await this.client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      });
      if ((pollers ?? []).length > 0) return;
      if (Date.now() > deadline) throw new Error(`no worker polls ${taskQueue} after 90 s (see ${this.workDir})`);
      await delay(250);
    }
  }
}
