/*
 * Starts (or reuses) the local Temporal dev server and keeps it up until Ctrl-C / SIGTERM.
 * Env: TEMPORAL_CLI (binary; else ensure-temporal-cli.sh finds or installs one),
 * TEMPORAL_PORT, TEMPORAL_UI_PORT, TEMPORAL_DB_FILE, TEMPORAL_LOG_FILE.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { repoRoot, startDevServer } from './dev-server';

function envPort(name: string): number | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
}

function resolveCli(): string {
  if (process.env.TEMPORAL_CLI) return process.env.TEMPORAL_CLI;
  const script = path.join(repoRoot(), 'infra', 'temporal', 'ensure-temporal-cli.sh');
  // stderr inherited so the (possibly minutes-long) install progress is visible.
  return execFileSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim();
}

async function main(): Promise<void> {
  const logFile = process.env.TEMPORAL_LOG_FILE ?? path.join(repoRoot(), '.data', 'temporal', 'server.log');
  const server = await startDevServer({
    cliPath: resolveCli(),
    port: envPort('TEMPORAL_PORT'),
    uiPort: envPort('TEMPORAL_UI_PORT'),
    dbFilename: process.env.TEMPORAL_DB_FILE || undefined,
    logFile,
  });

  console.log(
    server.reused
      ? `Reusing the Temporal server already running at ${server.address}`
      : `Temporal dev server started (pid ${server.pid}), log: ${logFile}`,
  );
  console.log(`TEMPORAL_ADDRESS=${server.address}`);
  if (server.uiUrl) console.log(`Temporal UI: ${server.uiUrl}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping${server.reused ? '' : ' the Temporal dev server'}...`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // Stay alive, and exit non-zero if our server dies on its own so a supervisor notices.
  setInterval(() => {
    if (stopping || server.pid === undefined) return;
    try {
      process.kill(server.pid, 0);
    } catch {
      console.error(`The Temporal dev server (pid ${server.pid}) exited unexpectedly; see ${logFile}`);
      process.exit(1);
    }
  }, 2_000);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
