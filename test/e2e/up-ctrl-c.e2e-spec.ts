import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '../helpers/test-stack';
import { freePort } from '../helpers/free-port';

const REPO = join(__dirname, '..', '..');

/**
 * `npm run up`'s stack (dist/infra/scripts/stack.js: the Temporal dev server,
 * the identity provider, the worker and the API), stopped as a terminal stops
 * it: Ctrl-C sends SIGINT to the whole process group at once. Every process
 * ends, the worker drains instead of giving up, and the stack exits 0.
 */
describe('npm run up, stopped with Ctrl-C', () => {
  let stack: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    // Whatever happened above, nothing of this stack outlives the test.
    if (stack?.pid && stack.exitCode === null) process.kill(-stack.pid, 'SIGKILL');
  });

  it('stops every process of the group, the worker draining, and exits 0', async () => {
    const [http, temporal, temporalUi, identity, metrics] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
    const runDir = process.env.TEST_RUN_DIR as string;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      TEMPORAL_CLI: process.env.TEMPORAL_CLI,
      DATABASE_URL: process.env.DATABASE_URL,
      HTTP_PORT: String(http),
      PUBLIC_BASE_URL: `http://127.0.0.1:${http}`,
      TEMPORAL_PORT: String(temporal),
      TEMPORAL_UI_PORT: String(temporalUi),
      TEMPORAL_DB_FILE: join(runDir, 'up-ctrl-c', 'temporal.db'),
      IDENTITY_PORT: String(identity),
      IDENTITY_KEYS_FILE: join(runDir, 'up-ctrl-c', 'identity-keys.json'),
      WORKER_METRICS_ADDRESS: `127.0.0.1:${metrics}`,
    };
    // Its own process group, as a shell gives a command it runs in the foreground.
    stack = spawn(process.execPath, [join(REPO, 'dist/infra/scripts/stack.js')], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => stack!.once('exit', (code) => resolve(code)));
    stack.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await eventually(async () => (output.includes('Ctrl-C stops everything.') ? true : undefined), {
      timeoutMs: 150_000,
      intervalMs: 500,
      what: `the stack to be ready; it printed:\n${output.slice(-2000)}`,
    });
    const group = processesOfGroup(stack.pid!);
    // The stack, the Temporal dev server, the identity provider, the worker and the API.
    expect(group.length).toBeGreaterThanOrEqual(5);

    process.kill(-stack.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    await eventually(async () => (group.every((pid) => !alive(pid)) ? true : undefined), {
      timeoutMs: 30_000,
      what: `every process of the group to end (left: ${group.filter(alive).join(', ')})`,
    });
    expect(output).toContain('SIGINT: shutting down');
    expect(output).not.toMatch(/exiting now|exited \(\d|shutdown failed/);
  }, 240_000);
});

function processesOfGroup(pgid: number): number[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
