import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../libs/config/src';
import { createDatabaseIfMissing, databaseUrl, resolvePostgresServer, type PostgresServer } from '../postgres/postgres-server';
import { repoRoot, startDevServer, type RunningDevServer } from '../temporal/dev-server';
import { devSecret } from './dev-secret';
import { stopChild } from '../process/stop-child';

/*
 * Runs the whole stack on one machine, after `npm run build`: the Temporal dev
 * server with its UI, PostgreSQL (DATABASE_URL, the local server, or an
 * embedded one), the migrations, then the API and the worker. Ctrl-C stops
 * everything in reverse order. infra/up.sh installs and builds, then runs this.
 */

const root = repoRoot();
const say = (message: string) => process.stdout.write(`[stack] ${message}\n`);

interface Started {
  temporal?: RunningDevServer;
  postgres?: PostgresServer;
  children: ChildProcess[];
}

async function main(): Promise<void> {
  const started: Started = { children: [] };
  const stopAll = onceOnly(async (code: number) => {
    say('stopping…');
    await Promise.all(started.children.map((child) => stopChild(child)));
    await started.temporal?.stop();
    await started.postgres?.stop();
    process.exit(code);
  });
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const cliPath = process.env.TEMPORAL_CLI;
    if (!cliPath) throw new Error('TEMPORAL_CLI is not set: start the stack with infra/up.sh');
    const { http } = loadConfig(process.env);
    const apiUrl = `http://${http.host === '0.0.0.0' ? '127.0.0.1' : http.host}:${http.port}`;
    say('starting the Temporal dev server (state kept in .data/temporal)');
    started.temporal = await startDevServer({
      cliPath,
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      logFile: join(root, '.data', 'temporal', 'server.log'),
      // With encryption on, the UI decrypts payloads in the supervisor's browser through the API's codec
      // endpoint (supervisors only: the UI must pass their token). Without keys there is nothing to decrypt.
      uiCodecEndpoint: process.env.PAYLOAD_CODEC_KEYS ? `${apiUrl}/codec` : undefined,
    });

    started.postgres = await resolvePostgresServer({ log: say });
    const database = process.env.DATABASE_NAME ?? 'participations';
    await createDatabaseIfMissing(started.postgres.serverUrl, database);
    const env = {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? databaseUrl(started.postgres.serverUrl, database),
      TEMPORAL_ADDRESS: started.temporal.address,
      WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? join(root, 'dist', 'workflow-bundle.js'),
      // Development tokens (npm run token) unless an OIDC issuer is configured.
      ...(process.env.AUTH_JWKS_URL ? {} : { AUTH_DEV_SECRET: devSecret() }),
      WORKER_METRICS_ADDRESS: process.env.WORKER_METRICS_ADDRESS ?? '127.0.0.1:9464',
      CODEC_CORS_ORIGINS: process.env.CODEC_CORS_ORIGINS ?? started.temporal.uiUrl,
      // The console links each participation to its page in this UI.
      ...(started.temporal.uiUrl && !process.env.TEMPORAL_UI_URL ? { TEMPORAL_UI_URL: started.temporal.uiUrl } : {}),
    };
    say(`PostgreSQL: ${started.postgres.source} server, database ${database}`);

    await runToEnd('migrations', [join(root, 'dist/infra/scripts/migrate.js'), 'run'], env);
    await runToEnd('seed', [join(root, 'dist/infra/scripts/seed.js')], env);
    started.children.push(launch('worker', join(root, 'dist/apps/worker/src/main.js'), env, stopAll));
    started.children.push(launch('api', join(root, 'dist/apps/api/src/main.js'), env, stopAll));

    await waitForHealth(`${apiUrl}/health`);
    say('ready:');
    say(`  API            ${apiUrl}`);
    say(`  OpenAPI docs   ${apiUrl}/docs`);
    say(`  Health         ${apiUrl}/health`);
    say(`  Metrics        ${apiUrl}/metrics (API), http://${env.WORKER_METRICS_ADDRESS}/metrics (worker)`);
    say(`  Temporal UI    ${started.temporal.uiUrl ?? '(headless)'}`);
    say(`  Temporal gRPC  ${started.temporal.address}`);
    say(`  Console        ${apiUrl}/ (development sign-in: paste npm run token -- expert-tremblay)`);
    say('Ctrl-C stops everything.');
  } catch (err) {
    process.stderr.write(`[stack] ${err instanceof Error ? err.message : String(err)}\n`);
    await stopAll(1);
  }
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, stopAll: (code: number) => Promise<void>) {
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (signal === 'SIGTERM' || signal === 'SIGINT') return;
    process.stderr.write(`[stack] ${name} exited (${code ?? signal}); stopping the stack\n`);
    void stopAll(1);
  });
  return child;
}

function runToEnd(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code})`))));
  });
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not report healthy at ${url} within ${timeoutMs / 1000} s`);
}

function onceOnly<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  let running: Promise<void> | undefined;
  return (...args: A) => (running ??= fn(...args));
}

void main();
