import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDevServerRetrying, type DevServerOptions, type RunningDevServer } from '../../infra/temporal/dev-server';
import { startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { FaultTally } from './fault-tally';
import { auditRounds } from './ledger';
import { driveToClose, roundBody } from '../helpers/round-driver';

const ON_TIME_MS = 10_000; // a timer fires no earlier than due, and at most this late once the server is back

/**
 * Fault: the Temporal server stops (its SQLite file kept) and starts again
 * while participations wait on durable timers (a session date, a task's due
 * date) and on people (an open task). Its own server, not the run's.
 */
describe('faults: Temporal server restarted under waiting participations', () => {
  const tally = new FaultTally();
  let server: RunningDevServer | undefined;
  let stack: TestStack;
  let worker: AppProcess | undefined;
  let options: DevServerOptions;

  beforeAll(async () => {
    const runDir = process.env.TEST_RUN_DIR as string;
    options = {
      cliPath: process.env.TEMPORAL_CLI as string,
      headless: true,
      dbFilename: join(runDir, `faults-temporal-${randomUUID().slice(0, 8)}.db`),
      logFile: join(runDir, 'faults-temporal.log'),
    };
    server = await startDevServerRetrying(options);
    // The restart must come back at the address the API and the worker know.
    options = { ...options, port: Number(server.address.split(':').pop()) };
    stack = await startTestStack(
      // LOG_LEVEL error: the warnings of an outage on purpose would only be noise here.
      { TEMPORAL_ADDRESS: server.address, TASK_DUE_AFTER: '30s', TASK_REMINDER_BEFORE: '0', LOG_LEVEL: 'error' },
      { worker: false },
    );
    worker = await startWorkerProcess({ TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue });
  });
  afterAll(async () => {
    tally.record();
    await worker?.kill('SIGTERM');
    await stack?.close();
    await server?.stop();
  });

  it('goes on after the restart: timers fire on time, people’s answers land, nothing lost or doubled', async () => {
    const sessionAt = new Date(Date.now() + 35_000).toISOString();
    const launch = async (sessions: string[]) =>
      (
        await stack
          .http()
          .post('/participations')
          .send(roundBody(`restart-${randomUUID().slice(0, 8)}`, sessions))
          .expect(201)
      ).body as { id: string; workflowId: string };
    const onTimer = await Promise.all([1, 2, 3].map(() => launch([sessionAt])));
    const onPeople = await Promise.all([1, 2, 3].map(() => launch([])));

    // Timer group: to the negotiation sessions, waiting for the session date. People group: a position task open.
    await Promise.all(onTimer.map(({ id }) => advanceToSessions(id)));
    await Promise.all(onPeople.map(({ id }) => grant(id)));
    const openTasks = await Promise.all(onPeople.map(({ id }) => openTask(id)));

    tally.injected += 1;
    await server!.stop();
    const health = await stack.http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ error: 'unavailable', dependencies: { temporal: { status: 'down' }, database: { status: 'up' } } });
    await sleep(3_000);
    server = await startDevServerRetrying(options);
    const backAt = Date.now();

    // Timers kept their place: the attendance task (after the position and the approval) opens at the session date,
    // the open task turns overdue at its due date.
    for (const { workflowId } of onTimer) {
      const opened = await journalTime(workflowId, 'task.opened', 3);
      expectOnTime(opened, Date.parse(sessionAt), backAt);
    }
    for (const task of openTasks) {
      const overdue = await journalTime(task.workflowId, 'task.overdue', 1);
      expectOnTime(overdue, Date.parse(task.dueAt), backAt);
    }

    await Promise.all([...onTimer, ...onPeople].map(({ id }) => driveToClose(stack.http, id)));
    const ledger = await auditRounds(stack.dataSource, stack.client, [
      ...onTimer.map(({ workflowId }) => ({ workflowId, tasks: 3 })),
      ...onPeople.map(({ workflowId }) => ({ workflowId, tasks: 1 })),
    ]);
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
  }, 180_000);

  async function grant(id: string): Promise<void> {
    await eventually(async () => ((await phase(id)) === 'federal-coordination' ? true : undefined), { what: `${id} federal` });
    await stack.http().post(`/participations/${id}/federal-response`).send({ decision: 'granted' }).expect(200);
  }

  async function openTask(id: string): Promise<{ workflowId: string; dueAt: string; id: string; assigneeId: string }> {
    return eventually(
      async () => {
        const tasks = (await stack.http().get(`/participations/${id}/tasks`)).body;
        return Array.isArray(tasks) ? tasks.find((t: { status: string }) => t.status === 'open') : undefined;
      },
      { what: `an open task on ${id}` },
    );
  }

  async function advanceToSessions(id: string): Promise<void> {
    await grant(id);
    const task = await openTask(id);
    await stack
      .http(task.assigneeId)
      .post(`/tasks/${task.id}/complete`)
      .send({ deliverable: { summary: 'Position.' } })
      .expect(200);
    await eventually(async () => ((await phase(id)) === 'mandate-approval' ? true : undefined), { what: `${id} mandate` });
    await stack.http('dm-international').post(`/participations/${id}/mandate-decision`).send({ decision: 'approve' }).expect(200);
    await eventually(async () => ((await phase(id)) === 'negotiation-sessions' ? true : undefined), { what: `${id} sessions` });
  }

  async function phase(id: string): Promise<string | undefined> {
    const rows = await stack.dataSource.query(`SELECT phase FROM participations WHERE id = $1`, [id]);
    return rows[0]?.phase;
  }

  /** When the workflow recorded the `nth` journal entry of `action` (workflow time, as the timer fired). */
  async function journalTime(workflowId: string, action: string, nth: number): Promise<number> {
    return eventually(
      async () => {
        const rows: Array<{ occurred_at: Date }> = await stack.dataSource.query(
          `SELECT occurred_at FROM audit_entries WHERE workflow_id = $1 AND action = $2 ORDER BY occurred_at`,
          [workflowId, action],
        );
        return rows.length >= nth ? rows[nth - 1].occurred_at.getTime() : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: `${action} #${nth} on ${workflowId}` },
    );
  }

  function expectOnTime(firedAt: number, dueAt: number, serverBackAt: number): void {
    expect(firedAt).toBeGreaterThanOrEqual(dueAt - 1_000);
    expect(firedAt).toBeLessThanOrEqual(Math.max(dueAt, serverBackAt) + ON_TIME_MS);
  }
});
