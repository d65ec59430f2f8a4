import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');

export function assertWorkerBuilt(): void {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: npm test builds it first (npm run build)`);
}

/** The built worker process, as production runs it: pre-built bundle, JSON logs, signals. */
export function startWorkerProcess(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [WORKER_MAIN], { env: { ...process.env, ...env, LOG_LEVEL: 'info' } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
