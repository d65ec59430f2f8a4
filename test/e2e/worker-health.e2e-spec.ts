import { existsSync } from 'node:fs';
import { freePort } from '../helpers/free-port';
import { eventually } from '../helpers/test-stack';
import { spawnApp, stopApp, WORKER_MAIN } from '../cluster/app-processes';

describe('the worker health endpoint (Kubernetes probes)', () => {
  it('answers 200 while the worker polls, and stops with the process', async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: npm test builds it first (npm run build)`);
    const port = await freePort();
    const worker = spawnApp('worker', WORKER_MAIN, {
      WORKER_HEALTH_PORT: String(port),
      TEMPORAL_TASK_QUEUE: `health-${port}`,
      LOG_LEVEL: 'info',
    });
    try {
      const body = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          return res.status === 200 ? res.json() : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: 'the worker to report healthy' },
      );
      expect(body).toEqual({ status: 'ok', worker: 'RUNNING' });
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      expect(await stopApp(worker, 'SIGTERM')).toBe(0);
    }
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 90_000);
});
