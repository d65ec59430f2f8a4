/** PostgreSQL NOTIFY channel on which every committed task change is announced. */
export const TASK_EVENTS_CHANNEL = 'task_events';

/** What the announcement carries: identifiers only, enough to decide who may see it. */
export interface TaskEvent {
  taskId: string;
  participationId: string;
  assigneeId: string | null;
  candidateGroup: string | null;
  status: string;
  coordinatorId: string;
  action: string;
}
