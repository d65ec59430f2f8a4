export const TASK_STATUSES = ['open', 'claimed', 'completed', 'declined', 'expired', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** What an expert hands in: a short summary, structured fields and references. */
export interface TaskDeliverable {
  summary: string;
  fields?: Record<string, string>;
  notes?: string;
  references?: string[];
}

/** A human task as the workflow sees it. Dates are ISO 8601 strings. */
export interface TaskView {
  taskId: string;
  stepKey: string;
  title: string;
  assigneeId: string;
  dueAt: string;
  priority: TaskPriority;
  status: TaskStatus;
  overdue: boolean;
  deliverable?: TaskDeliverable;
}
