import { defineQuery } from '@temporalio/workflow';

/**
 * What the `getOverview` query returns: short sentences in the participation's
 * language, shaped for the Temporal UI's Queries tab (one line per field, no
 * nested objects to unfold), for a supervisor who has never seen the code.
 */
export interface ParticipationOverview {
  participation: string;
  phase: string;
  status: string;
  waitingFor: string | null;
  until: string | null;
  nextDeadline: string | null;
  overdueTasks: number;
  /** `title — assignee — due date`, one line per open task, overdue ones said so. */
  openTasks: string[];
  /** `date  phase`, oldest first. */
  phases: string[];
}

export const getOverviewQuery = defineQuery<ParticipationOverview>('getOverview');
