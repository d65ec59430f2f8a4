import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './test-stack';

const MAIN = {
  api: join(__dirname, '../../dist/apps/api/src/main.js'),
  worker: join(__dirname, '../../dist/apps/worker/src/main.js'),
};

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Kills it (SIGKILL by default: no shutdown hook runs) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The built API or worker, as production runs it, with the run's environment plus `env`. */
export function startAppProcess(app: keyof typeof MAIN, env: NodeJS.ProcessEnv): AppProcess {
  if (!existsSync(MAIN[app])) throw new Error(`${MAIN[app]} is missing: npm test builds it first (npm run build)`);
  const child = spawn(process.execPath, [MAIN[app]], { env: { ...process.env, LOG_LEVEL: 'info', ...env } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A worker process, once it says it polls (it logs that at info level, whatever `env` asks). */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const worker = startAppProcess('worker', { ...env, LOG_LEVEL: 'info' });
  await ready(worker, async () => worker.output().includes('Temporal worker polling'), 'the worker to poll');
  return worker;
}

/** An API process listening on `port`, once /health answers. */
export async function startApiProcess(port: number, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const api = startAppProcess('api', { ...env, HTTP_PORT: String(port) });
  await ready(api, async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, `the API on port ${port}`);
  return api;
}

/**
 * An API process on a port `choosePort` gives, tried again with the next port it gives
 * when another process took that one first (EADDRINUSE): two test files running side
 * by side can be handed the same free port before either listens on it.
 */
export async function startApiProcessOnFreePort(
  choosePort: () => Promise<number>,
  env: NodeJS.ProcessEnv,
): Promise<{ api: AppProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort();
    try {
      return { api: await startApiProcess(port, env), port };
    } catch (err) {
      if (attempt >= 3 || !(err as Error).message.includes('EADDRINUSE')) throw err;
    }
  }
}

/** Waits for `isReady`; a process that never gets there is killed and its output shown. */
async function ready(app: AppProcess, isReady: () => Promise<boolean>, what: string): Promise<void> {
  try {
    await eventually(async () => ((await isReady()) ? true : undefined), { timeoutMs: 60_000, what });
  } catch (err) {
    await app.kill();
    throw new Error(`${(err as Error).message}\n--- its output ---\n${app.output().slice(-3000)}`, { cause: err });
  }
}
