import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';

export interface RoundExpectation {
  workflowId: string;
  /** Work tasks the round must end with, all completed (one per issue area, an attendance and a debrief per session). */
  tasks: number;
}

export interface LedgerResult {
  workflows: number;
  lost: number;
  duplicated: number;
  problems: string[];
}

/**
 * The decision tasks of a round driven by the decision endpoints: its one
 * approver's approval task and the coordinator's closing task, each cancelled
 * by the Update that decided.
 */
const DECISION_TASKS = 2;

/** Journal entries a closed WTO round with one approved mandate has, exactly once each (or once per task). */
export function expectedJournal(tasks: number): Record<string, number> {
  return {
    'participation.launched': 1,
    'participation.phase': 6,
    'federal.requested': 1,
    'federal.response': 1,
    'task.opened': tasks + DECISION_TASKS,
    'task.completed': tasks,
    'task.cancelled': DECISION_TASKS,
    'approval.approve': 1,
    'participation.closed': 1,
  };
}

/**
 * Counts, for each round driven to its close, what is missing (lost) and what
 * is there more than once (duplicated): the workflow's completion in Temporal,
 * its projection row, its task rows and its journal entries.
 */
export async function auditRounds(dataSource: DataSource, client: Client, rounds: RoundExpectation[]): Promise<LedgerResult> {
  const result: LedgerResult = { workflows: rounds.length, lost: 0, duplicated: 0, problems: [] };
  const compare = (workflowId: string, what: string, expected: number, actual: number) => {
    if (actual < expected) result.lost += expected - actual;
    if (actual > expected) result.duplicated += actual - expected;
    if (actual !== expected) result.problems.push(`${workflowId}: ${what} ${actual}, expected ${expected}`);
  };
  for (const { workflowId, tasks } of rounds) {
    compare(workflowId, 'completed workflow', 1, (await completes(client, workflowId)) ? 1 : 0);
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'completed' AND outcome = 'concluded')::int AS done
         FROM participations WHERE workflow_id = $1`,
      [workflowId],
    );
    compare(workflowId, 'participation rows', 1, row.n);
    compare(workflowId, 'concluded participation rows', 1, row.done);
    const [taskRows] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'completed')::int AS done FROM tasks WHERE workflow_id = $1`,
      [workflowId],
    );
    compare(workflowId, 'task rows', tasks + DECISION_TASKS, taskRows.n);
    compare(workflowId, 'completed task rows', tasks, taskRows.done);
    const journal: Array<{ action: string; n: number }> = await dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_entries WHERE workflow_id = $1 GROUP BY action`,
      [workflowId],
    );
    const counted = new Map(journal.map((j) => [j.action, j.n]));
    for (const [action, expected] of Object.entries(expectedJournal(tasks))) {
      compare(workflowId, `journal ${action}`, expected, counted.get(action) ?? 0);
    }
  }
  return result;
}

/** The projection says `closed` a moment before the workflow's last write and its completion: wait for the result. */
async function completes(client: Client, workflowId: string, timeoutMs = 30_000): Promise<boolean> {
  const result = client.workflow
    .getHandle(workflowId)
    .result()
    .then(
      () => true,
      () => false,
    );
  // Unref'd: a pending timer must not keep Jest alive after the result came.
  return Promise.race([result, sleep(timeoutMs, false, { ref: false })]);
}
