import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { expectedJournal, type LedgerResult } from '../faults/ledger';
import type { Flow } from './participation-driver';

/** Work tasks a full round of wtoLaunchBody ends with: two positions, the session's attendance and its debrief. */
const FULL_ROUND_TASKS = 4;

interface Expected {
  status: string;
  outcome: string;
  /** Task rows in all, and those completed (the decision tasks are cancelled by the endpoints that decide). */
  tasks: number;
  completedTasks: number;
  journal: Record<string, number>;
}

/** What each flow of ParticipationDriver leaves behind, exactly once each. */
const EXPECTED: Record<Flow, Expected> = {
  // Launched, waits on the federal government, which refuses the seat: withdrawn (federal-coordination, closed).
  refused: {
    status: 'completed',
    outcome: 'withdrawn',
    tasks: 0,
    completedTasks: 0,
    journal: {
      'participation.launched': 1,
      'participation.phase': 2,
      'federal.requested': 1,
      'federal.response': 1,
      'participation.closed': 1,
    },
  },
  // Launched, then cancelled by its coordinator while it waits on the federal government.
  cancelled: {
    status: 'cancelled',
    outcome: 'cancelled',
    tasks: 0,
    completedTasks: 0,
    journal: {
      'participation.launched': 1,
      'participation.phase': 2,
      'federal.requested': 1,
      'participation.cancelled': 1,
      'participation.closed': 1,
    },
  },
  // The whole round, to its concluded close (test/faults/ledger.ts's journal).
  full: {
    status: 'completed',
    outcome: 'concluded',
    tasks: FULL_ROUND_TASKS + 2,
    completedTasks: FULL_ROUND_TASKS,
    journal: expectedJournal(FULL_ROUND_TASKS),
  },
};

/**
 * The faults ledger for the participations the cluster test drove: for each one,
 * what is missing (lost) and what is there more than once or should not be there
 * at all (duplicated): its completion in Temporal, in its first and only run; its
 * projection row, closed as its flow ends; its task rows; its journal entries.
 */
export async function auditParticipations(
  dataSource: DataSource,
  client: Client,
  participations: Array<{ workflowId: string; flow: Flow }>,
): Promise<LedgerResult> {
  const result: LedgerResult = { workflows: participations.length, lost: 0, duplicated: 0, problems: [] };
  const compare = (workflowId: string, what: string, expected: number, actual: number) => {
    if (actual < expected) result.lost += expected - actual;
    if (actual > expected) result.duplicated += actual - expected;
    if (actual !== expected) result.problems.push(`${workflowId}: ${what} ${actual}, expected ${expected}`);
  };
  for (const { workflowId, flow } of participations) {
    const expected = EXPECTED[flow];
    const described = await client.workflow.getHandle(workflowId).describe();
    const once = described.status.name === 'COMPLETED' && described.runId === described.raw.workflowExecutionInfo?.firstRunId;
    compare(workflowId, 'workflow completed in its first run', 1, once ? 1 : 0);
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = $2 AND outcome = $3)::int AS done
         FROM participations WHERE workflow_id = $1`,
      [workflowId, expected.status, expected.outcome],
    );
    compare(workflowId, 'participation rows', 1, row.n);
    compare(workflowId, `participation rows ${expected.status}/${expected.outcome}`, 1, row.done);
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
    for (const action of new Set([...Object.keys(expected.journal), ...counted.keys()])) {
      compare(workflowId, `journal ${action}`, expected.journal[action] ?? 0, counted.get(action) ?? 0);
    }
  }
  return result;
}
