/*
 * Runs a real Temporal cluster on this machine until Ctrl-C / SIGTERM: PostgreSQL
 * persistence and visibility (databases TEMPORAL_CLUSTER_DB and
 * TEMPORAL_CLUSTER_VISIBILITY_DB on the PostgreSQL of infra/postgres), frontend,
 * history, matching and worker as four processes, and the UI server.
 * `npm run start:cluster` builds the binaries first (infra/cluster/build-cluster-binaries.sh).
 * Then start the API and workers with TEMPORAL_ADDRESS=127.0.0.1:7233.
 *
 * With TEMPORAL_CLUSTER_AUTH_ISSUER (an OpenID Connect issuer, e.g. the embedded
 * provider of npm run up, started with TEMPORAL_UI_URL=http://127.0.0.1:8080), the
 * frontend authorizes every call from its token and the UI signs people in as the
 * `temporal-ui` client (IDENTITY_TEMPORAL_UI_SECRET); the API and workers then need
 * TEMPORAL_AUTH_CLIENT_ID/SECRET (docs/deployment.md).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { resolvePostgresServer } from '../postgres/postgres-server';
import { discover } from '../identity/headless-sign-in';
import { repoRoot } from '../temporal/dev-server';
import { DEFAULT_CLUSTER_PORTS, startCluster, type ClusterAuth } from './cluster';

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
    auth: await clusterAuth(),
  });
  say(`Temporal cluster ready (logs in ${logDir})`);
  say(`  TEMPORAL_ADDRESS=${cluster.address}`);
  say(
    `  Temporal UI  ${cluster.uiUrl}${process.env.TEMPORAL_CLUSTER_AUTH_ISSUER ? ' (signed in)' : ' (no sign-in: set TEMPORAL_CLUSTER_AUTH_ISSUER)'}`,
  );
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

/** Token authorization and UI sign-in, when TEMPORAL_CLUSTER_AUTH_ISSUER names a provider. */
async function clusterAuth(): Promise<ClusterAuth | undefined> {
  const issuer = process.env.TEMPORAL_CLUSTER_AUTH_ISSUER;
  if (!issuer) return undefined;
  const { jwks_uri: jwksUrl } = await discover(issuer.replace(/\/+$/, ''));
  return {
    jwksUrl,
    audience: process.env.AUTH_AUDIENCE ?? 'participations-api',
    ui: {
      issuer,
      clientId: process.env.TEMPORAL_UI_AUTH_CLIENT_ID ?? 'temporal-ui',
      clientSecret: process.env.IDENTITY_TEMPORAL_UI_SECRET ?? 'temporal-ui-dev-secret',
      codecEndpoint: process.env.TEMPORAL_UI_CODEC_ENDPOINT,
    },
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`[cluster] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
