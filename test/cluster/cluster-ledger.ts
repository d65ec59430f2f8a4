import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { auditParticipations, concludedRound, type LedgerResult, type ParticipationExpectation } from '../faults/ledger';
import type { Flow } from './participation-driver';

/** Work tasks a full round of wtoLaunchBody ends with: two positions, the session's attendance and its debrief. */
const FULL_ROUND_TASKS = 4;

/** What each flow of ParticipationDriver leaves behind; a journal action not listed counts as duplicated. */
const EXPECTED: Record<Flow, ParticipationExpectation> = {
  // Launched, waits on the federal government, which refuses the seat: withdrawn (phases federal-coordination, closed).
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
    otherActions: 'strict',
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
    otherActions: 'strict',
  },
  // The whole round, its tasks handed to experts, its one session held (the calendar's journal entry), to its concluded close.
  full: (() => {
    const round = concludedRound(FULL_ROUND_TASKS);
    return { ...round, journal: { ...round.journal, 'session.held': 1 }, otherActions: 'strict' };
  })(),
};

/**
 * The faults ledger (test/faults/ledger.ts) for the participations the cluster
 * test drove, each against its flow; its workflow must have completed in its
 * first and only run.
 */
export function auditClusterParticipations(
  dataSource: DataSource,
  client: Client,
  participations: Array<{ workflowId: string; flow: Flow }>,
): Promise<LedgerResult> {
  return auditParticipations(
    dataSource,
    participations.map(({ workflowId, flow }) => ({ workflowId, expected: EXPECTED[flow] })),
    async (workflowId) => {
      const described = await client.workflow.getHandle(workflowId).describe();
      return described.status.name === 'COMPLETED' && described.runId === described.raw.workflowExecutionInfo?.firstRunId;
    },
  );
}
