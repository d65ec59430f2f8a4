/*
 * Runs a real Temporal cluster on this machine until Ctrl-C / SIGTERM: PostgreSQL
 * persistence and visibility (databases TEMPORAL_CLUSTER_DB and
 * TEMPORAL_CLUSTER_VISIBILITY_DB on the PostgreSQL of infra/postgres), frontend,
 * history, matching and worker as four processes, and the UI server.
 * `npm run cluster` builds the binaries first (infra/cluster/build-cluster-binaries.sh).
 * Then start the API and workers with TEMPORAL_ADDRESS=127.0.0.1:7233.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { resolvePostgresServer } from '../postgres/postgres-server';
import { repoRoot } from '../temporal/dev-server';
import { DEFAULT_CLUSTER_PORTS, startCluster } from './cluster';

const say = (message: string) => process.stdout.write(`[cluster] ${message}\n`);

async function main(): Promise<void> {
  const root = repoRoot();
  const binDir = execFileSync('bash', [path.join(root, 'infra', 'cluster', 'build-cluster-binaries.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).trim();
  const postgres = await resolvePostgresServer({ log: say });
  const logDir = path.join(root, '.data', 'cluster');
  const cluster = await startCluster({
    binDir,
    repoRoot: root,
    postgresServerUrl: postgres.serverUrl,
    databases: {
      persistence: process.env.TEMPORAL_CLUSTER_DB ?? 'participation_temporal',
      visibility: process.env.TEMPORAL_CLUSTER_VISIBILITY_DB ?? 'participation_temporal_visibility',
    },
    ports: DEFAULT_CLUSTER_PORTS,
    logDir,
  });
  say(`Temporal cluster ready (logs in ${logDir})`);
  say(`  TEMPORAL_ADDRESS=${cluster.address}`);
  say(`  Temporal UI  ${cluster.uiUrl}`);
  say('Ctrl-C stops it.');

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    void cluster
      .stop()
      .then(() => postgres.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`[cluster] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
