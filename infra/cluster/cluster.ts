import * as path from 'path';
import { Client } from 'pg';
import { databaseUrl } from '../postgres/postgres-server';
import { retryUntil, waitForTemporal } from '../temporal/dev-server';
import { setupClusterSchemas, type ClusterDatabases } from './cluster-schema';
import {
  CLUSTER_SERVICES,
  INTERNAL_FRONTEND,
  spawnLogged,
  startService,
  stopProcess,
  type ClusterService,
  type ServiceProcess,
} from './cluster-services';
import { ensureNamespace } from './namespace';

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Membership port of each service (how they find each other); below 32768, stored as a smallint. */
  membership: Record<(typeof CLUSTER_SERVICES)[number], number>;
  /** The internal frontend, started with authorization only (gRPC, HTTP and membership ports). */
  internalFrontend?: { grpc: number; http: number; membership: number };
  /** Temporal UI server; no UI when absent. */
  ui?: number;
}

/**
 * Calls authorized from OpenID Connect tokens (issue 13, point 6): the frontend checks
 * each bearer token against the provider's keys and maps its `permissions` claim to
 * roles (Temporal's default claim mapper and authorizer); the UI signs people in.
 */
export interface ClusterAuth {
  /** The provider's key set (its discovery document's jwks_uri). */
  jwksUrl: string;
  /** The `aud` tokens must name (AUTH_AUDIENCE). */
  audience: string;
  /** The UI's sign-in: the issuer, its confidential client, and the API's /codec endpoint the browser decrypts with. */
  ui?: { issuer: string; clientId: string; clientSecret: string; codecEndpoint?: string };
}

/** The ports of `temporal server start-dev`'s neighbours: gRPC 7233, UI 8080. */
export const DEFAULT_CLUSTER_PORTS: ClusterPorts = {
  frontend: 7233,
  frontendHttp: 7243,
  history: 7234,
  matching: 7235,
  worker: 7239,
  membership: { frontend: 6933, history: 6934, matching: 6935, worker: 6939 },
  internalFrontend: { grpc: 7236, http: 7246, membership: 6936 },
  ui: 8080,
};

export interface ClusterOptions {
  /** Folder holding temporal-server, temporal-sql-tool and temporal-ui-server (build-cluster-binaries.sh). */
  binDir: string;
  repoRoot: string;
  /** PostgreSQL server URL without a database, e.g. postgres://postgres@127.0.0.1:5432 */
  postgresServerUrl: string;
  databases: ClusterDatabases;
  ports: ClusterPorts;
  logDir: string;
  namespace?: string;
  /** Token authorization and UI sign-in; none: the cluster answers anyone on loopback. */
  auth?: ClusterAuth;
  retentionDays?: number;
  /**
   * Where closed workflows' histories and visibility records are archived, to be read
   * after the namespace's retention: a folder (filesystem store, the default:
   * `<logDir>/archival`), or `s3://bucket` URIs with TEMPORAL_CLUSTER_ARCHIVAL_S3_REGION
   * (and _S3_ENDPOINT for an S3-compatible store) in the environment.
   */
  archival?: { historyUri: string; visibilityUri: string };
  startTimeoutMs?: number;
}

export interface RunningCluster {
  /** host:port of the frontend, what clients and workers dial. */
  address: string;
  uiUrl?: string;
  process(service: ClusterService): ServiceProcess;
  /** Kills one service process (SIGKILL by default: a crash) and waits for it to be gone. */
  kill(service: ClusterService, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a service process again with the same configuration. */
  start(service: ClusterService): void;
  stop(): Promise<void>;
}

/**
 * A Temporal cluster on this machine as production runs one: PostgreSQL
 * persistence and visibility in databases of their own, the frontend, history,
 * matching and worker services as separate processes, and the UI server.
 */
export async function startCluster(opts: ClusterOptions): Promise<RunningCluster> {
  const namespace = opts.namespace ?? 'default';
  const address = `127.0.0.1:${opts.ports.frontend}`;
  await setupClusterSchemas(path.join(opts.binDir, 'temporal-sql-tool'), opts.postgresServerUrl, opts.databases);

  const env = { ...process.env, ...clusterEnv(opts) };
  const internal = opts.auth ? opts.ports.internalFrontend : undefined;
  if (opts.auth && !internal) throw new Error('an authorizing cluster needs ports for its internal frontend');
  // The cluster's own setup (namespace, search attributes) goes where its services go.
  const setupAddress = internal ? `127.0.0.1:${internal.grpc}` : address;
  const processes = new Map<ClusterService, ServiceProcess>();
  const start = (service: ClusterService) => {
    const running = processes.get(service);
    if (running && running.process.exitCode === null && running.process.signalCode === null) {
      throw new Error(`the ${service} service is already running`);
    }
    processes.set(
      service,
      startService({
        serverBinary: path.join(opts.binDir, 'temporal-server'),
        repoRoot: opts.repoRoot,
        service,
        env,
        logDir: opts.logDir,
        authorized: opts.auth !== undefined,
      }),
    );
  };
  let ui: ServiceProcess | undefined;
  const stop = async () => {
    if (ui) await stopProcess(ui);
    // Frontend first so that clients stop arriving, history last so it can hand its shards over.
    for (const service of ['frontend', INTERNAL_FRONTEND, 'worker', 'matching', 'history'] as const) {
      const running = processes.get(service);
      if (running) await stopProcess(running);
    }
  };
  const killOnExit = () => {
    for (const p of [...processes.values(), ...(ui ? [ui] : [])]) p.process.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  try {
    // Each service writes the cluster's metadata record if it finds none; started together on a
    // fresh database, all but one lose that race and exit. History goes first, the others once it exists.
    const [first, ...rest] = CLUSTER_SERVICES;
    start(first);
    await Promise.race([waitForClusterMetadata(opts, opts.startTimeoutMs ?? 120_000), anyExit(processes)]);
    for (const service of [...rest, ...(internal ? [INTERNAL_FRONTEND] : [])] as ClusterService[]) start(service);
    await Promise.race([waitForTemporal(address, opts.startTimeoutMs ?? 120_000), anyExit(processes)]);
    if (setupAddress !== address) await Promise.race([waitForTemporal(setupAddress, opts.startTimeoutMs ?? 120_000), anyExit(processes)]);
    await ensureNamespace(setupAddress, namespace, opts.retentionDays ?? 7);
    if (opts.ports.ui !== undefined) {
      ui = spawnLogged(
        'ui',
        path.join(opts.binDir, 'temporal-ui-server'),
        ['--root', opts.repoRoot, '--config', path.join('infra', 'cluster', 'ui'), '--env', 'cluster', 'start'],
        { ...env, ...uiEnv(opts, address, namespace) },
        opts.logDir,
        opts.repoRoot,
      );
      // The UI server exits at once on a bad config or an issuer it cannot reach: say so here, not in a browser later.
      const uiUrl = `http://127.0.0.1:${opts.ports.ui}`;
      await Promise.race([
        retryUntil(opts.startTimeoutMs ?? 60_000, () => answersHealth(`${uiUrl}/healthz`), `the Temporal UI at ${uiUrl}`),
        ui.exited.then((status) => Promise.reject(new Error(`the UI server exited (${status})`))),
      ]);
    }
  } catch (err) {
    await stop();
    process.removeListener('exit', killOnExit);
    throw new Error(`the Temporal cluster did not start: ${(err as Error).message}\nSee the logs in ${opts.logDir}`, { cause: err });
  }

  return {
    address,
    uiUrl: opts.ports.ui !== undefined ? `http://127.0.0.1:${opts.ports.ui}` : undefined,
    process: (service) => processes.get(service) as ServiceProcess,
    kill: async (service, signal = 'SIGKILL') => {
      const running = processes.get(service);
      if (!running) return;
      running.process.kill(signal);
      await running.exited;
    },
    start,
    stop: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
    },
  };
}

/** Resolves once a service has written the cluster metadata record in the persistence database. */
async function waitForClusterMetadata(opts: ClusterOptions, timeoutMs: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl(opts.postgresServerUrl, opts.databases.persistence) });
  await db.connect();
  try {
    await retryUntil(
      timeoutMs,
      async () => {
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cluster_metadata_info');
        if (rows[0].n === 0) throw new Error('no cluster metadata yet');
      },
      'the cluster metadata',
    );
  } finally {
    await db.end();
  }
}

async function answersHealth(url: string): Promise<void> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

/** Rejects as soon as one service process exits: no use waiting for a frontend that cannot come. */
function anyExit(processes: Map<ClusterService, ServiceProcess>): Promise<never> {
  return Promise.race(
    [...processes.values()].map((p) => p.exited.then((status) => Promise.reject(new Error(`the ${p.name} service exited (${status})`)))),
  );
}

/** The variables infra/cluster/ui/cluster.yaml reads. */
function uiEnv(opts: ClusterOptions, address: string, namespace: string): Record<string, string> {
  const ui = opts.auth?.ui;
  return {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_UI_PORT: String(opts.ports.ui),
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_UI_PUBLIC_URL: `http://127.0.0.1:${opts.ports.ui}`,
    ...(ui
      ? {
          TEMPORAL_UI_AUTH_ISSUER: ui.issuer,
          TEMPORAL_UI_AUTH_CLIENT_ID: ui.clientId,
          TEMPORAL_UI_AUTH_CLIENT_SECRET: ui.clientSecret,
          TEMPORAL_UI_CODEC_ENDPOINT: ui.codecEndpoint ?? '',
        }
      : {}),
  };
}

/** The variables infra/cluster/config/cluster.yaml reads. */
function clusterEnv(opts: ClusterOptions): Record<string, string> {
  const server = new URL(opts.postgresServerUrl);
  const { ports } = opts;
  const internal = ports.internalFrontend;
  return {
    ...(opts.auth
      ? {
          TEMPORAL_CLUSTER_JWKS_URL: opts.auth.jwksUrl,
          TEMPORAL_CLUSTER_AUDIENCE: opts.auth.audience,
          ...(internal
            ? {
                TEMPORAL_CLUSTER_INTERNAL_FRONTEND_PORT: String(internal.grpc),
                TEMPORAL_CLUSTER_INTERNAL_FRONTEND_HTTP_PORT: String(internal.http),
                TEMPORAL_CLUSTER_INTERNAL_FRONTEND_MEMBERSHIP_PORT: String(internal.membership),
              }
            : {}),
        }
      : {}),
    TEMPORAL_CLUSTER_PG_HOST: server.hostname,
    TEMPORAL_CLUSTER_PG_PORT: server.port || '5432',
    TEMPORAL_CLUSTER_PG_USER: decodeURIComponent(server.username || 'postgres'),
    TEMPORAL_CLUSTER_PG_PASSWORD: decodeURIComponent(server.password),
    TEMPORAL_CLUSTER_DB: opts.databases.persistence,
    TEMPORAL_CLUSTER_VISIBILITY_DB: opts.databases.visibility,
    TEMPORAL_CLUSTER_FRONTEND_PORT: String(ports.frontend),
    TEMPORAL_CLUSTER_FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    TEMPORAL_CLUSTER_HISTORY_PORT: String(ports.history),
    TEMPORAL_CLUSTER_MATCHING_PORT: String(ports.matching),
    TEMPORAL_CLUSTER_WORKER_PORT: String(ports.worker),
    TEMPORAL_CLUSTER_FRONTEND_MEMBERSHIP_PORT: String(ports.membership.frontend),
    TEMPORAL_CLUSTER_HISTORY_MEMBERSHIP_PORT: String(ports.membership.history),
    TEMPORAL_CLUSTER_MATCHING_MEMBERSHIP_PORT: String(ports.membership.matching),
    TEMPORAL_CLUSTER_WORKER_MEMBERSHIP_PORT: String(ports.membership.worker),
    TEMPORAL_CLUSTER_DYNAMIC_CONFIG: path.join(opts.repoRoot, 'infra', 'cluster', 'config', 'dynamicconfig.yaml'),
    TEMPORAL_CLUSTER_ARCHIVAL_HISTORY_URI: opts.archival?.historyUri ?? `file://${path.resolve(opts.logDir, 'archival', 'history')}`,
    TEMPORAL_CLUSTER_ARCHIVAL_VISIBILITY_URI:
      opts.archival?.visibilityUri ?? `file://${path.resolve(opts.logDir, 'archival', 'visibility')}`,
  };
}
