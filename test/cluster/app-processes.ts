import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '../helpers/test-stack';

const ROOT = join(__dirname, '../..');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/src/main.js');
export const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const WORKFLOW_BUNDLE = join(ROOT, 'dist/workflow-bundle.js');

/** A built API or worker process, as a replica runs in production. */
export interface AppProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnApp(name: string, script: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, output: () => output, exited };
}

/** Starts a worker process and waits until it polls; returns it with the identity it reports to Temporal. */
export async function startWorker(name: string, env: NodeJS.ProcessEnv): Promise<AppProcess & { identity: string }> {
  const worker = spawnApp(name, WORKER_MAIN, env);
  const identity = await eventually(
    async () => {
      if (worker.child.exitCode !== null) throw new Error(`${name} exited: ${worker.output().slice(-2000)}`);
      const line = worker
        .output()
        .split('\n')
        .find((l) => l.includes('Temporal worker polling'));
      return line ? (JSON.parse(line) as { identity: string }).identity : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 250, what: `${name} to poll` },
  );
  return { ...worker, identity };
}

export async function startApi(name: string, port: number, env: NodeJS.ProcessEnv): Promise<AppProcess & { baseUrl: string }> {
  const api = spawnApp(name, API_MAIN, { ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (api.child.exitCode !== null) throw new Error(`${name} exited: ${api.output().slice(-2000)}`);
      return (await fetch(`${baseUrl}/health`)).ok ? true : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, what: `${name} to be healthy` },
  );
  return { ...api, baseUrl };
}

export async function stopApp(app: AppProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill(signal);
  return app.exited;
}
