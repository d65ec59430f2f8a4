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
function expectedJournal(tasks: number): Record<string, number> {
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

/** What one participation must leave behind, each exactly once or as many times as said. */
export interface ParticipationExpectation {
  status: string;
  outcome: string;
  /** Task rows in all, and those completed. */
  tasks: number;
  completedTasks: number;
  /** Journal entries per action. */
  journal: Record<string, number>;
  /** A journal action not listed above counts as duplicated (`strict`), or is left to the test (`ignored`). */
  otherActions: 'strict' | 'ignored';
}

/** A WTO round driven to its concluded close by the decision endpoints, with `tasks` work tasks. */
export function concludedRound(tasks: number): ParticipationExpectation {
  return {
    status: 'completed',
    outcome: 'concluded',
    tasks: tasks + DECISION_TASKS,
    completedTasks: tasks,
    journal: expectedJournal(tasks),
    otherActions: 'ignored',
  };
}

/**
 * Counts, for each round driven to its close, what is missing (lost) and what
 * is there more than once (duplicated): the workflow's completion in Temporal,
 * its projection row, its task rows and its journal entries.
 */
export function auditRounds(dataSource: DataSource, client: Client, rounds: RoundExpectation[]): Promise<LedgerResult> {
  return auditParticipations(
    dataSource,
    rounds.map(({ workflowId, tasks }) => ({ workflowId, expected: concludedRound(tasks) })),
    (workflowId) => completes(client, workflowId),
  );
}

/**
 * The ledger itself: for each participation, what is missing (lost) and what is
 * there more than once (duplicated), against what it must leave behind.
 * `completedOnce` says whether its workflow completed (once: the caller decides how to check it).
 */
export async function auditParticipations(
  dataSource: DataSource,
  participations: Array<{ workflowId: string; expected: ParticipationExpectation }>,
  completedOnce: (workflowId: string) => Promise<boolean>,
): Promise<LedgerResult> {
  const result: LedgerResult = { workflows: participations.length, lost: 0, duplicated: 0, problems: [] };
  const compare = (workflowId: string, what: string, expected: number, actual: number) => {
    if (actual < expected) result.lost += expected - actual;
    if (actual > expected) result.duplicated += actual - expected;
    if (actual !== expected) result.problems.push(`${workflowId}: ${what} ${actual}, expected ${expected}`);
  };
  for (const { workflowId, expected } of participations) {
    compare(workflowId, 'completed workflow', 1, (await completedOnce(workflowId)) ? 1 : 0);
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = $2 AND outcome = $3)::int AS done
         FROM participations WHERE workflow_id = $1`,
      [workflowId, expected.status, expected.outcome],
    );
    compare(workflowId, 'participation rows', 1, row.n);
    compare(workflowId, `${expected.status} (${expected.outcome}) participation rows`, 1, row.done);
    const [taskRows] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'completed')::int AS done FROM tasks WHERE workflow_id = $1`,
      [workflowId],
    );
    compare(workflowId, 'task rows', expected.tasks, taskRows.n);
    compare(workflowId, 'completed task rows', expected.completedTasks, taskRows.done);
    const journal: Array<{ action: string; n: number }> = await dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_entries WHERE workflow_id = $1 GROUP BY action`,
      [workflowId],
    );
    const counted = new Map(journal.map((j) => [j.action, j.n]));
    const actions = new Set([...Object.keys(expected.journal), ...(expected.otherActions === 'strict' ? counted.keys() : [])]);
    for (const action of actions) {
      compare(workflowId, `journal ${action}`, expected.journal[action] ?? 0, counted.get(action) ?? 0);
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
