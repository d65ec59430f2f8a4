import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startCluster } from '../cluster/cluster';
import { CLUSTER_SERVICES } from '../cluster/cluster-services';
import { freeMembershipPort } from '../cluster/membership-port';
import { freePort } from '../net/free-port';
import { dropDatabase } from '../postgres/postgres-server';
import { repoRoot, startDevServer, startDevServerRetrying } from '../temporal/dev-server';

/** Which Temporal the bench measures against: the dev server (one process, SQLite) or the production cluster. */
export const BENCH_CONFIGS = ['dev', 'cluster'] as const;
export type BenchConfig = (typeof BENCH_CONFIGS)[number];

/** The scenarios the cluster configuration runs: the two whose figures issue 16 compares with bare Temporal. */
export const CLUSTER_SCENARIOS = ['launch', 'round-trip'] as const;

export interface TemporalTarget {
  config: BenchConfig;
  /** host:port clients and workers dial. */
  address: string;
  /** True when the bench found a server already running (--temporal-address) and leaves it so. */
  reused: boolean;
  /** The server's processes by name, for CPU and memory: `temporal` for the dev server, `temporal-<service>` on the cluster. */
  pids(): Record<string, number | undefined>;
  /** Stops what the bench started; `keep` keeps the cluster's databases. */
  stop(keep: boolean): Promise<void>;
}

/** A fresh headless dev server with its SQLite file in `workDir`, or the one at `address`. */
export async function startDevTarget(opts: { cliPath: string; workDir: string; address?: string }): Promise<TemporalTarget> {
  const server = opts.address
    ? await startDevServer({
        cliPath: opts.cliPath,
        ip: opts.address.slice(0, opts.address.lastIndexOf(':')),
        port: Number(opts.address.slice(opts.address.lastIndexOf(':') + 1)),
        headless: true,
      })
    : await startDevServerRetrying({
        cliPath: opts.cliPath,
        headless: true,
        dbFilename: join(opts.workDir, 'temporal.db'),
        logFile: join(opts.workDir, 'temporal.log'),
      });
  return {
    config: 'dev',
    address: server.address,
    reused: server.reused,
    pids: () => ({ temporal: server.pid }),
    stop: () => server.stop(),
  };
}

/**
 * The production topology on this machine, started as `npm run start:cluster` and
 * the cluster tests start it (infra/cluster): the frontend, history, matching and
 * worker services as four processes, persistence and visibility in two PostgreSQL
 * databases of the run's own. No token authorization and no UI: the bench measures
 * the server's path, as it does on the dev server.
 */
export async function startClusterTarget(opts: {
  workDir: string;
  database: string;
  postgresServerUrl: string;
  log: (message: string) => void;
}): Promise<TemporalTarget> {
  const root = repoRoot();
  opts.log('cluster binaries: infra/cluster/build-cluster-binaries.sh (about 12 minutes the first time, then at once)');
  const binDir = execFileSync('bash', [join(root, 'infra', 'cluster', 'build-cluster-binaries.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).trim();
  const databases = { persistence: `${opts.database}_temporal`, visibility: `${opts.database}_visibility` };
  const logDir = join(opts.workDir, 'cluster');
  const cluster = await startCluster({
    binDir,
    repoRoot: root,
    postgresServerUrl: opts.postgresServerUrl,
    databases,
    logDir,
    ports: {
      frontend: await freePort(),
      frontendHttp: await freePort(),
      history: await freePort(),
      matching: await freePort(),
      worker: await freePort(),
      membership: {
        frontend: await freeMembershipPort(),
        history: await freeMembershipPort(),
        matching: await freeMembershipPort(),
        worker: await freeMembershipPort(),
      },
    },
  });
  opts.log(`cluster logs in ${logDir}; databases ${databases.persistence}, ${databases.visibility}`);
  return {
    config: 'cluster',
    address: cluster.address,
    reused: false,
    pids: () => Object.fromEntries(CLUSTER_SERVICES.map((service) => [`temporal-${service}`, cluster.process(service)?.process.pid])),
    stop: async (keep) => {
      await cluster.stop();
      if (keep) return;
      for (const database of [databases.persistence, databases.visibility]) {
        await dropDatabase(opts.postgresServerUrl, database).catch(() => undefined);
      }
    },
  };
}
