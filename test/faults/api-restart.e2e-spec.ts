import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { startApiProcessOnFreePort, startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { freePort } from '../helpers/free-port';
import { remoteHttp, tokensFor } from '../helpers/remote-http';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { FaultTally } from './fault-tally';
import { auditRounds } from './ledger';
import { driveToClose, roundBody, type Http } from '../helpers/round-driver';

const ROUNDS = 6;

/**
 * Fault: the API process is killed (SIGKILL) with requests in flight, then
 * started again; callers retry. Launches are caught in flight by starting
 * without a worker (the API waits for the first projection), task
 * completions by a row lock the test holds on the tasks (the Update waits on
 * its write). Each retried request, with its Idempotency-Key, must take
 * effect once and get the first answer.
 */
describe('faults: API restarted with requests in flight', () => {
  const tally = new FaultTally();
  let stack: TestStack; // its client and database only; the API under test is a process
  const processes: AppProcess[] = [];
  let port: number;
  let env: NodeJS.ProcessEnv;
  let http: Http;

  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'error' }, { worker: false });
    const people = ['coord-lavoie', 'dm-international', 'expert-tremblay', 'expert-nguyen'];
    http = remoteHttp(() => `http://127.0.0.1:${port}`, await tokensFor((id) => stack.token(id), people));
    env = { TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue, LAUNCH_PROJECTION_WAIT: '60s', LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    tally.record();
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await stack?.close();
  });

  // The first start may take another free port if this one was taken meanwhile; restarts keep it
  // (the retries must find the API where they sent their first requests).
  let started = 0;
  const api = async () => {
    const { api: app, port: chosen } = await startApiProcessOnFreePort(async () => (started === 0 ? (port = await freePort()) : port), env);
    started += 1;
    port = chosen;
    processes.push(app);
    return app;
  };

  it('takes each interrupted launch and task completion once, and answers its retry with the first answer', async () => {
    const bodies = Array.from({ length: ROUNDS }, () => roundBody(`restart-api-${randomUUID().slice(0, 8)}`));
    const launchKeys = bodies.map(() => randomUUID());
    const launch = (i: number, key: string | null = launchKeys[i]) => {
      const req = http().post('/participations');
      if (key) req.set('Idempotency-Key', key);
      return req.send(bodies[i]);
    };

    // Launches in flight: started in Temporal, waiting for a projection no worker writes yet.
    let first = await api();
    const launches = bodies.map((_, i) => settle(launch(i)));
    await eventually(
      async () => ((await Promise.all(bodies.map((b) => exists(`wto-round/${b.businessKey}`)))).every(Boolean) ? true : undefined),
      {
        what: 'every launch to have started its workflow',
      },
    );
    tally.injected += 1;
    await first.kill('SIGKILL');
    expect((await Promise.all(launches)).filter((r) => r === 'interrupted')).toHaveLength(ROUNDS);

    processes.push(await startWorkerProcess(env));
    first = await api();
    const launched = [];
    for (const i of bodies.keys()) {
      const retried = await launch(i).expect(201);
      expect((await launch(i).expect(201)).body.id).toBe(retried.body.id);
      await launch(i, null).expect(409); // without the key, a second launch is a duplicate
      expect(await stack.client.workflow.count(`WorkflowId = '${retried.body.workflowId}'`)).toMatchObject({ count: 1 });
      launched.push(retried.body as { id: string; workflowId: string });
    }

    // Task completions in flight: each Update waits on its write, blocked by the test's row lock.
    const tasks = await Promise.all(launched.map(({ id }) => openTaskAfterGrant(id)));
    const completionKeys = tasks.map(() => randomUUID());
    const complete = (i: number, key: string | null = completionKeys[i]) => {
      const req = http(tasks[i].assigneeId).post(`/tasks/${tasks[i].id}/complete`);
      if (key) req.set('Idempotency-Key', key);
      return req.send({ deliverable: { summary: `Position ${i}` } });
    };
    const lock = await lockTasks(tasks.map((t) => t.id));
    try {
      const completions = tasks.map((_, i) => settle(complete(i)));
      await eventually(async () => ((await blockedTaskWrites()) >= ROUNDS ? true : undefined), {
        what: `${ROUNDS} task writes blocked on the row lock`,
      });
      tally.injected += 1;
      await first.kill('SIGKILL');
      expect((await Promise.all(completions)).filter((r) => r === 'interrupted')).toHaveLength(ROUNDS);
    } finally {
      await lock.rollbackTransaction();
      await lock.release();
    }

    await api();
    for (const [i, task] of tasks.entries()) {
      const retried = await complete(i).expect(200);
      expect(retried.body).toMatchObject({ taskId: task.id, status: 'completed', deliverable: { summary: `Position ${i}` } });
      await complete(i, null).expect(409); // without the key, completing again is refused
    }

    await Promise.all(launched.map(({ id }) => driveToClose(http, id)));
    const ledger = await auditRounds(
      stack.dataSource,
      stack.client,
      launched.map(({ workflowId }) => ({ workflowId, tasks: 1 })),
    );
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
  }, 240_000);

  /** A request's answer, or 'interrupted' when the connection died under it. */
  function settle(req: request.Test): Promise<number | 'interrupted'> {
    return req.then(
      (res) => res.status,
      () => 'interrupted' as const,
    );
  }

  async function exists(workflowId: string): Promise<boolean> {
    return stack.client.workflow
      .getHandle(workflowId)
      .describe()
      .then(
        () => true,
        () => false,
      );
  }

  async function openTaskAfterGrant(id: string): Promise<{ id: string; assigneeId: string }> {
    await eventually(async () => ((await http().get(`/participations/${id}`)).body.phase === 'federal-coordination' ? true : undefined), {
      what: `${id} to wait for the federal answer`,
    });
    await http().post(`/participations/${id}/federal-response`).send({ decision: 'granted' }).expect(200);
    return eventually(
      async () => (await http().get(`/participations/${id}/tasks`)).body.find((t: { status: string }) => t.status === 'open'),
      {
        what: `an open task on ${id}`,
      },
    );
  }

  async function lockTasks(ids: string[]): Promise<QueryRunner> {
    const runner = stack.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT id FROM tasks WHERE id = ANY($1) FOR UPDATE`, [ids]);
    return runner;
  }

  /** Task reads waiting on the test's row lock (matched on their start: PostgreSQL keeps only a query's first 1 kB). */
  async function blockedTaskWrites(): Promise<number> {
    const rows = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM tasks WHERE id = $1 FOR UPDATE'`,
    );
    return rows[0].n;
  }
});
