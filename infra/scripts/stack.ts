import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../libs/config/src';
import { createDatabaseIfMissing, databaseUrl, resolvePostgresServer, type PostgresServer } from '../postgres/postgres-server';
import { repoRoot, startDevServer, type RunningDevServer } from '../temporal/dev-server';
import { stopChild } from '../process/stop-child';
import { startIdentityProcess, type IdentityProcess } from '../identity/identity-process';
import { loadIdentityConfig } from '../identity/identity-config';
import { DEMO_PEOPLE } from '../../libs/persistence/src/seed/demo-people';

/*
 * Runs the whole stack on one machine, after `npm run build`: the Temporal dev
 * server with its UI, PostgreSQL (DATABASE_URL, the local server, or an
 * embedded one), the migrations and the demo people, the embedded OpenID
 * Connect provider (unless AUTH_ISSUER names another), then the API and the worker. Ctrl-C stops
 * everything in reverse order. infra/up.sh installs and builds, then runs this.
 */

const root = repoRoot();
const say = (message: string) => process.stdout.write(`[stack] ${message}\n`);

interface Started {
  temporal?: RunningDevServer;
  postgres?: PostgresServer;
  identity?: IdentityProcess;
  children: ChildProcess[];
}

async function main(): Promise<void> {
  const bootedAt = Date.now();
  const started: Started = { children: [] };
  let stopping = false;
  const stopAll = onceOnly(async (code: number) => {
    stopping = true;
    say('stopping: the worker drains, then everything closes…');
    await Promise.all(started.children.map((child) => stopChild(child)));
    await started.identity?.stop();
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
      // A stack of its own (the Ctrl-C test) keeps its state apart from the developer's.
      dbFilename: process.env.TEMPORAL_DB_FILE,
      // With encryption on, the UI decrypts payloads in the supervisor's browser through the API's codec
      // endpoint (supervisors only: the UI must pass their token). Without keys there is nothing to decrypt.
      uiCodecEndpoint: process.env.PAYLOAD_CODEC_KEYS ? `${apiUrl}/codec` : undefined,
    });

    started.postgres = await resolvePostgresServer({ log: say });
    const database = process.env.DATABASE_NAME ?? 'participations';
    await createDatabaseIfMissing(started.postgres.serverUrl, database);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? databaseUrl(started.postgres.serverUrl, database),
      TEMPORAL_ADDRESS: started.temporal.address,
      WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? join(root, 'dist', 'workflow-bundle.js'),
      // The console links each participation to its page in this UI.
      TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? started.temporal.uiUrl,
      WORKER_METRICS_ADDRESS: process.env.WORKER_METRICS_ADDRESS ?? '127.0.0.1:9464',
      CODEC_CORS_ORIGINS: process.env.CODEC_CORS_ORIGINS ?? started.temporal.uiUrl,
    };
    say(`PostgreSQL: ${started.postgres.source} server, database ${database}`);

    await runToEnd('migrations', [join(root, 'dist/infra/scripts/migrate.js'), 'run'], env);
    await runToEnd('seed', [join(root, 'dist/infra/scripts/seed.js')], env);
    // People sign in at the embedded provider, unless AUTH_ISSUER names the ministry's.
    const identity = process.env.AUTH_ISSUER ? undefined : loadIdentityConfig(env);
    if (identity) {
      say(`starting the identity provider (keys kept in ${identity.keysFile})`);
      started.identity = await startIdentityProcess(env, { stdio: 'inherit-errors' });
      started.identity.child.once('exit', (code, signal) => {
        // Exit 0: it was asked to stop (SIGTERM, Ctrl-C).
        if (code === 0 || signal === 'SIGTERM' || signal === 'SIGINT') return;
        process.stderr.write(`[stack] identity provider exited (${code ?? signal}); stopping the stack\n`);
        void stopAll(1);
      });
      Object.assign(env, { AUTH_ISSUER: started.identity.issuer, AUTH_AUDIENCE: identity.audience });
    }
    started.children.push(launch('worker', join(root, 'dist/apps/worker/src/main.js'), env, stopAll, () => stopping));
    started.children.push(launch('api', join(root, 'dist/apps/api/src/main.js'), env, stopAll, () => stopping));

    await waitForHealth(`${apiUrl}/health`);
    say('ready:');
    say(`  API            ${apiUrl}`);
    say(`  OpenAPI docs   ${apiUrl}/docs`);
    say(`  Health         ${apiUrl}/health`);
    say(`  Metrics        ${apiUrl}/metrics (API), http://${env.WORKER_METRICS_ADDRESS}/metrics (worker)`);
    say(`  Temporal UI    ${started.temporal.uiUrl ?? '(headless)'}`);
    // Issue 13 point 6: the dev server's UI has no sign-in; people must know it before they rely on it.
    say(`    no sign-in here: the dev server's UI cannot sign people in, so it listens on loopback only and whoever`);
    say(
      `    uses this machine reads and acts there${process.env.PAYLOAD_CODEC_KEYS ? ' (it cannot decrypt: /codec wants a token it does not send)' : ''};`,
    );
    say(`    signed in and read-only for supervisors: the cluster's UI (npm run start:cluster, docs/deployment.md)`);
    say(`  Temporal gRPC  ${started.temporal.address}`);
    say(`  Console        ${apiUrl}/ (sign in as a demo person below)`);
    if (identity) {
      say(`  Sign-in        ${started.identity?.issuer} (OpenID Connect; development provider, production uses the ministry's)`);
      say(`    password of every demo person: ${identity.demoPassword === 'demo' ? 'demo' : '(IDENTITY_DEMO_PASSWORD)'}`);
      for (const role of ['coordinator', 'expert', 'supervisor', 'admin']) {
        const ids = DEMO_PEOPLE.filter((person) => person.roles?.includes(role)).map((person) => person.id);
        say(`    ${`${role}:`.padEnd(13)} ${ids.join(', ')}`);
      }
      say(`    a token for curl: npm run -s token -- coord-lavoie; for POST /events: npm run -s token -- --service integration`);
    } else {
      say(`  Sign-in        ${env.AUTH_ISSUER} (AUTH_ISSUER)`);
    }
    say(`ready in ${Math.round((Date.now() - bootedAt) / 1000)} s. Ctrl-C stops everything.`);
  } catch (err) {
    process.stderr.write(`[stack] ${err instanceof Error ? err.message : String(err)}\n`);
    await stopAll(1);
  }
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, stopAll: (code: number) => Promise<void>, stopping: () => boolean) {
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    // Asked to stop (Ctrl-C, SIGTERM): an exit 0 is the drain done; anything else is said.
    if (stopping() && code === 0) return;
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
  const started = Date.now();
  const deadline = started + timeoutMs;
  let said = started;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (Date.now() - said >= 10_000) {
      said = Date.now();
      say(`waiting for the API to report healthy… ${Math.round((said - started) / 1000)} s`);
    }
  }
  throw new Error(`the API did not report healthy at ${url} within ${timeoutMs / 1000} s`);
}

function onceOnly<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  let running: Promise<void> | undefined;
  return (...args: A) => (running ??= fn(...args));
}

void main();
