import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { FaultTally } from './fault-tally';
import { auditRounds } from './ledger';
import { driveToClose, roundBody } from '../helpers/round-driver';

const ROUNDS = 8; // under DATABASE_POOL_SIZE, so that every blocked write holds its own connection

/**
 * Fault: the worker process is killed (SIGKILL, no shutdown hook) while its
 * activities are inside a PostgreSQL transaction. The test holds a row lock
 * on the participations so that every `recordPhaseChange` is caught mid-write,
 * after its journal insert and before its update, at a known moment.
 */
describe('faults: worker killed in the middle of projection writes', () => {
  const tally = new FaultTally();
  let stack: TestStack;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    // LOG_LEVEL error: the warnings of a crash on purpose (queries to the dead worker time out) would only be noise.
    stack = await startTestStack({ LOG_LEVEL: 'error' }, { worker: false });
  });
  afterAll(async () => {
    tally.record();
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await stack?.close();
  });

  it('loses and doubles nothing: a new worker redoes the interrupted writes once', async () => {
    const env = { TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue };
    const first = await startWorkerProcess(env);
    workers.push(first);
    const launched = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const res = await stack
          .http()
          .post('/participations')
          .send(roundBody(`crash-${randomUUID().slice(0, 8)}`))
          .expect(201);
        return res.body as { id: string; workflowId: string };
      }),
    );
    const ids = launched.map((p) => p.id);
    await eventually(async () => ((await phasesOf(ids)).every((phase) => phase === 'federal-coordination') ? true : undefined), {
      what: 'every round to wait for the federal answer',
    });

    const lock = await lockRows(ids);
    let blocked: number[];
    let answers: Promise<number[]>;
    try {
      // Granted: each workflow moves to position-drafting, whose projection write now waits on the lock.
      // The step answers once everything it caused is committed (its batch holds the phase change too),
      // so its answers come only from the second worker, after the kill.
      answers = Promise.all(
        ids.map((id) =>
          stack
            .http()
            .post(`/participations/${id}/federal-response`)
            .send({ decision: 'granted' })
            .then((res) => res.status),
        ),
      );
      blocked = await eventually(
        async () => {
          const pids = await waitingWriters();
          return pids.length >= ROUNDS ? pids : undefined;
        },
        { what: `${ROUNDS} projection writes blocked on the row lock` },
      );
      tally.injected += 1;
      await first.kill('SIGKILL');
    } finally {
      await lock.rollbackTransaction();
      await lock.release();
    }

    // The dead worker's transactions roll back when their connections are found closed: nothing half-written.
    await eventually(async () => ((await stillConnected(blocked)) === 0 ? true : undefined), {
      what: 'the killed worker’s backends to end',
    });
    expect(await phasesOf(ids)).toEqual(Array(ROUNDS).fill('federal-coordination'));
    const drafting = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE participation_id = ANY($1) AND new_value->>'phase' = 'position-drafting'`,
      [ids],
    );
    expect(drafting[0].n).toBe(0);

    // Temporal retries the lost attempts on a new worker once their start-to-close timeout (30 s) has passed.
    workers.push(await startWorkerProcess(env));
    // Nobody who sent a step while the worker died is left without its answer, nor told it failed.
    expect(await answers).toEqual(Array(ROUNDS).fill(200));
    await Promise.all(ids.map((id) => driveToClose(stack.http, id, 120_000)));

    const ledger = await auditRounds(
      stack.dataSource,
      stack.client,
      launched.map(({ workflowId }) => ({ workflowId, tasks: 1 })),
    );
    tally.add(ledger);
    expect(ledger.problems).toEqual([]);
  }, 180_000);

  async function phasesOf(ids: string[]): Promise<string[]> {
    const rows: Array<{ phase: string }> = await stack.dataSource.query(`SELECT phase FROM participations WHERE id = ANY($1) ORDER BY id`, [
      ids,
    ]);
    return rows.length === ids.length ? rows.map((r) => r.phase) : [];
  }

  async function lockRows(ids: string[]): Promise<QueryRunner> {
    const runner = stack.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT id FROM participations WHERE id = ANY($1) FOR UPDATE`, [ids]);
    return runner;
  }

  async function waitingWriters(): Promise<number[]> {
    const rows: Array<{ pid: number }> = await stack.dataSource.query(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE participations SET phase%'`,
    );
    return rows.map((r) => r.pid);
  }

  async function stillConnected(pids: number[]): Promise<number> {
    const rows = await stack.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1)`, [pids]);
    return rows[0].n;
  }
});
