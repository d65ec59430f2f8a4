import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startCluster, type RunningCluster } from '../../infra/cluster/cluster';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  resolvePostgresServer,
  type PostgresServer,
} from '../../infra/postgres/postgres-server';
import { repoRoot } from '../../infra/temporal/dev-server';
import { signIn } from '../../infra/identity/headless-sign-in';
import { startIdentityProcess, type IdentityProcess } from '../../infra/identity/identity-process';
import { AuditEntryEntity, DEMO_PEOPLE, ParticipationEntity } from '../../libs/persistence/src';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';
import { freePort } from '../helpers/free-port';
import { freeMembershipPort } from './membership-port';
import { startApi, startWorker, stopApp, WORKER_MAIN, WORKFLOW_BUNDLE, type AppProcess } from './app-processes';
import { ParticipationDriver, type Flow } from './participation-driver';
import { workByIdentity } from './work-by-identity';

/*
 * The production topology on this machine: a Temporal cluster (PostgreSQL
 * persistence and visibility, frontend / history / matching / worker as four
 * processes, the UI server), two API replicas and three worker processes on one
 * task queue. A few hundred participations run while workers are killed one by
 * one and the history service is killed and restarted; every one must end
 * exactly once, and the work must have been shared by the workers.
 *
 * Not part of `npm test`, the developer's loop: its first run builds three Go
 * binaries (10 to 20 minutes on two cores). CI runs it as a step of its own
 * after `npm test` (.ci/run): the build plus about 3 minutes fit CI's budget.
 * Run it with `npm run test:cluster`.
 */
const PARTICIPATIONS = Number(process.env.CLUSTER_TEST_PARTICIPATIONS ?? 240);
const CONCURRENCY = 12;
const root = repoRoot();

/** Mostly short flows (refused, cancelled) and one in eight complete rounds with tasks and approvals. */
function flowOf(index: number): Flow {
  if (index % 8 === 0) return 'full';
  return index % 3 === 0 ? 'cancelled' : 'refused';
}

describe('the production topology on a real Temporal cluster', () => {
  const run = `cluster_test_${Date.now()}_${process.pid}`;
  const databases = { persistence: `${run}_temporal`, visibility: `${run}_visibility` };
  let postgres: PostgresServer;
  let cluster: RunningCluster | undefined;
  let appDb: DataSource;
  let client: Client;
  let connection: Connection;
  const apps: AppProcess[] = [];
  let logDir: string | undefined;
  let identity: IdentityProcess | undefined;
  let passed = false;

  beforeAll(async () => {
    for (const file of [WORKER_MAIN, WORKFLOW_BUNDLE]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    }
    const binDir = execFileSync('bash', [join(root, 'infra/cluster/build-cluster-binaries.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    }).trim();
    postgres = await resolvePostgresServer();
    mkdirSync(join(root, '.data'), { recursive: true });
    logDir = mkdtempSync(join(root, '.data', 'cluster-test-'));
    process.stderr.write(`[cluster test] logs in ${logDir}\n`);
    const port = freePort;
    cluster = await startCluster({
      binDir,
      repoRoot: root,
      postgresServerUrl: postgres.serverUrl,
      databases,
      logDir,
      ports: {
        frontend: await port(),
        frontendHttp: await port(),
        history: await port(),
        matching: await port(),
        worker: await port(),
        membership: {
          frontend: await freeMembershipPort(),
          history: await freeMembershipPort(),
          matching: await freeMembershipPort(),
          worker: await freeMembershipPort(),
        },
        ui: await port(),
      },
    });

    await createDatabaseIfMissing(postgres.serverUrl, run);
    appDb = await new DataSource(dataSourceOptions(databaseUrl(postgres.serverUrl, run), 4)).initialize();
    await appDb.runMigrations({ transaction: 'each' });
    await seedDemoPeople(appDb);
    connection = await Connection.connect({ address: cluster.address });
    client = new Client({ connection });
  }, 30 * 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => stopApp(app, 'SIGKILL')));
    await identity?.stop();
    await connection?.close();
    await appDb?.destroy();
    await cluster?.stop();
    if (postgres) {
      for (const db of [run, databases.persistence, databases.visibility]) await dropDatabase(postgres.serverUrl, db);
      await postgres.stop();
    }
    // The services' logs are kept when the test failed, or when asked.
    if (passed && logDir && !process.env.KEEP_TEST_DATA) rmSync(logDir, { recursive: true, force: true });
  }, 120_000);

  it(
    'finishes every participation once while workers die and history restarts, with the work shared',
    async () => {
      // People sign in at the embedded provider, as on npm run up.
      const identityPort = await freePort();
      identity = await startIdentityProcess({
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl(postgres.serverUrl, run),
        IDENTITY_PORT: String(identityPort),
        IDENTITY_KEYS_FILE: join(logDir as string, 'identity-keys.json'),
      });
      const env = {
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl(postgres.serverUrl, run),
        DATABASE_POOL_SIZE: '4',
        TEMPORAL_ADDRESS: (cluster as RunningCluster).address,
        TEMPORAL_TASK_QUEUE: 'participations',
        WORKFLOW_BUNDLE_PATH: WORKFLOW_BUNDLE,
        AUTH_ISSUER: identity.issuer,
        // Small caches so that workflows move between workers instead of sticking to one.
        WORKER_MAX_CACHED_WORKFLOWS: '20',
        // One test coordinator launches 240 participations in seconds; the per-person write limit is not under test here.
        RATE_LIMIT_WRITES: '1000000',
      };
      const workers = await Promise.all(['worker-a', 'worker-b', 'worker-c'].map((name) => startWorker(name, env)));
      apps.push(...workers);
      const apis = await Promise.all([startApi('api-1', await freePort(), env), startApi('api-2', await freePort(), env)]);
      apps.push(...apis);
      const signInAs = async (login: string) =>
        (
          await signIn({
            issuer: (identity as IdentityProcess).issuer,
            login,
            password: 'demo',
            redirectUri: 'http://127.0.0.1:3000/auth/callback',
          })
        ).access_token;
      const tokens = Object.fromEntries(await Promise.all(DEMO_PEOPLE.map(async (p) => [p.id, await signInAs(p.id)] as const)));
      const driver = new ParticipationDriver(
        apis.map((api) => api.baseUrl),
        tokens,
        async (workflowId) => (await appDb.getRepository(ParticipationEntity).findOneBy({ workflowId }))?.id,
      );

      // Disruptions at fixed points of progress, while participations are in flight.
      let finished = 0;
      let replacement: (AppProcess & { identity: string }) | undefined;
      const disruptions: Array<[number, () => Promise<void>]> = [
        [0.25, async () => void (await stopApp(workers[0], 'SIGKILL'))], // a crash
        [
          0.45,
          async () => {
            await cluster?.kill('history');
            cluster?.start('history');
          },
        ],
        [
          0.65,
          async () => {
            expect(await stopApp(workers[1], 'SIGTERM')).toBe(0); // a drained pod: clean exit
            replacement = await startWorker('worker-d', env);
            apps.push(replacement);
          },
        ],
      ];
      const pending = [...disruptions];
      let disrupting: Promise<void> = Promise.resolve();
      const onFinished = () => {
        finished += 1;
        while (pending.length > 0 && finished >= pending[0][0] * PARTICIPATIONS) {
          const [, act] = pending.shift() as [number, () => Promise<void>];
          disrupting = disrupting.then(act);
        }
      };

      const workflowIds: string[] = [];
      let nextIndex = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (nextIndex < PARTICIPATIONS) {
            const index = nextIndex++;
            workflowIds.push(await driver.run(flowOf(index)));
            onFinished();
          }
        }),
      );
      await disrupting;
      expect(pending).toHaveLength(0);
      expect(workflowIds).toHaveLength(PARTICIPATIONS);

      // Every participation ended, in its first and only run.
      for (const workflowId of workflowIds) {
        const handle = client.workflow.getHandle(workflowId);
        await handle.result();
        const described = await handle.describe();
        expect(described.status.name).toBe('COMPLETED');
        expect(described.runId).toBe(described.raw.workflowExecutionInfo?.firstRunId);
      }
      // ...and was recorded once: one row, launched and closed once in the audit.
      const rows = await appDb.getRepository(ParticipationEntity).find();
      expect(rows).toHaveLength(PARTICIPATIONS);
      expect(rows.every((r) => r.status !== 'active')).toBe(true);
      const audit = appDb.getRepository(AuditEntryEntity);
      for (const action of ['participation.launched', 'participation.closed']) {
        const counts = await audit
          .createQueryBuilder('a')
          .select('a.participationId', 'id')
          .addSelect('COUNT(*)', 'n')
          .where('a.action = :action', { action })
          .groupBy('a.participationId')
          .getRawMany<{ id: string; n: string }>();
        expect(counts).toHaveLength(PARTICIPATIONS);
        expect(counts.every((c) => Number(c.n) === 1)).toBe(true);
      }

      // The UI server shows this cluster's namespace (it reads the frontend, not a copy).
      const ui = await fetch(`${(cluster as RunningCluster).uiUrl}/api/v1/namespaces/default`);
      expect(ui.status).toBe(200);
      expect((await ui.json()).namespaceInfo?.name).toBe('default');

      // The work was shared: each worker process ran workflow tasks and activities,
      // the replacement too, and the survivors carried the end of the run.
      const work = await workByIdentity(client, workflowIds);
      process.stderr.write(`[cluster test] tasks per worker: ${JSON.stringify(Object.fromEntries(work))}\n`);
      for (const worker of [...workers, replacement as AppProcess & { identity: string }]) {
        expect(work.get(worker.identity)?.activities ?? 0).toBeGreaterThan(0);
        expect(work.get(worker.identity)?.workflowTasks ?? 0).toBeGreaterThan(0);
      }
      expect([...work.keys()].every((identity) => [...workers, replacement].some((w) => w?.identity === identity))).toBe(true);
      passed = true;
    },
    40 * 60_000,
  );
});
