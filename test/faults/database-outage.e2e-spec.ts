import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { connectRunDatabase } from '../helpers/database';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { FaultTally } from './fault-tally';
import { auditRounds } from './ledger';
import { localActivityMarkers } from '../helpers/history-markers';
import { driveToClose, roundBody } from '../helpers/round-driver';

/**
 * Fault: PostgreSQL goes away (every connection dropped, new ones refused)
 * while activities write. The app reaches the run's database through a TCP
 * proxy of this test's own, which is what gets cut: nobody else loses it.
 */
describe('faults: PostgreSQL unavailable while activities run', () => {
  const tally = new FaultTally();
  let proxy: TcpProxy;
  let stack: TestStack;
  let worker: AppProcess | undefined;
  let direct: DataSource; // the test's own connection, around the proxy

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const env = { DATABASE_URL: url.toString(), FEDERAL_RESPONSE_TIMEOUT: '2s' };
    // An outage on purpose logs warnings by the dozen: the API logs errors only, the worker's output is kept aside.
    stack = await startTestStack({ ...env, LOG_LEVEL: 'error' }, { worker: false });
    worker = await startWorkerProcess({ ...env, TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue });
    direct = await connectRunDatabase();
  });
  afterAll(async () => {
    tally.record();
    await proxy?.restore().catch(() => undefined);
    await worker?.kill('SIGTERM');
    await stack?.close();
    await direct?.destroy();
    await proxy?.close();
  });

  it('retries with backoff, answers 503, and loses or doubles nothing once the database is back', async () => {
    const launch = (body: object, key?: string) => {
      const req = stack.http().post('/participations');
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    };
    const newBody = () => roundBody(`outage-${randomUUID().slice(0, 8)}`);
    const before = await Promise.all(
      [1, 2, 3, 4].map(async () => (await launch(newBody()).expect(201)).body as { id: string; workflowId: string }),
    );
    // Cut once the first rounds wait on their federal deadline: its escalation is then written during the outage.
    await eventually(
      async () =>
        (await journalCount(
          before.map((p) => p.workflowId),
          'federal.requested',
        )) === 4
          ? true
          : undefined,
      {
        what: 'the first rounds to wait for the federal answer',
      },
    );

    tally.injected += 1;
    await proxy.cut();
    const cutAt = Date.now();

    const health = await stack.http().get('/health').expect(503);
    expect(health.body).toMatchObject({ error: 'unavailable', dependencies: { database: { status: 'down' }, temporal: { status: 'up' } } });
    const list = await stack.http().get('/participations').expect(503);
    expect(list.headers['retry-after']).toBe('5');
    expect(list.body).toMatchObject({ statusCode: 503, error: 'unavailable' });
    expect(list.body.message).toContain('PostgreSQL');
    await stack.http().get(`/participations/${before[0].id}`).set('Accept-Language', 'en').expect(503);

    // A launch cannot even be authorized (people live in PostgreSQL): a clear 503 that the caller retries with its key.
    const retried = [1, 2, 3, 4].map(() => ({ body: newBody(), key: randomUUID() }));
    for (const { body, key } of retried) {
      const refused = await launch(body, key).expect(503);
      expect(refused.body.error).toBe('unavailable');
      expect(refused.headers['retry-after']).toBe('5');
    }

    // Each round's escalation falls due during the outage (2 s after its request), fails, and is retried.
    await sleep(Math.max(0, 7_000 - (Date.now() - cutAt)));
    const outageSeconds = (Date.now() - cutAt) / 1000;

    await proxy.restore();
    await eventually(async () => ((await stack.http().get('/health')).status === 200 ? true : undefined), {
      what: 'health to recover',
    });
    const during = await Promise.all(
      retried.map(async ({ body, key }) => (await launch(body, key).expect(201)).body as { id: string; workflowId: string }),
    );
    await Promise.all([...before, ...during].map(({ id }) => driveToClose(stack.http, id)));

    const ledger = await auditRounds(
      direct,
      stack.client,
      [...before, ...during].map(({ workflowId }) => ({ workflowId, tasks: 1 })),
    );
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
    // The write that met the outage was retried, with backoff from 1 s doubling: about
    // log2(outage) + 1 attempts, not one per poll. Its local activity's marker counts them.
    const attempts = await Promise.all(before.map((p) => writeAttempts(p.workflowId)));
    expect(Math.min(...attempts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...attempts)).toBeLessThanOrEqual(Math.ceil(Math.log2(outageSeconds + 1)) + 2);
    const escalated = await direct.query(
      `SELECT workflow_id, count(*)::int AS n FROM audit_entries WHERE workflow_id = ANY($1) AND action = 'federal.escalated' GROUP BY workflow_id`,
      [before.map((p) => p.workflowId)],
    );
    expect(escalated.map((row: { n: number }) => row.n)).toEqual([1, 1, 1, 1]);
  }, 180_000);

  async function journalCount(workflowIds: string[], action: string): Promise<number> {
    const rows = await direct.query(`SELECT count(*)::int AS n FROM audit_entries WHERE workflow_id = ANY($1) AND action = $2`, [
      workflowIds,
      action,
    ]);
    return rows[0].n;
  }

  /** The attempt number of the workflow's pending activity, 0 when none is pending. */
  /** The most attempts any projection write of the run took, as its local activity's marker recorded them. */
  async function writeAttempts(workflowId: string): Promise<number> {
    const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
    return Math.max(0, ...localActivityMarkers(history).map((marker) => Number(marker.attempt ?? 0)));
  }
});
