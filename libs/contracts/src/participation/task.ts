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
  /** The person who holds the task; absent while a task assigned to a role waits to be taken. */
  assigneeId?: string;
  /** The role the task was assigned to (e.g. `intern-office`), when it was not assigned to a person. */
  candidateGroup?: string;
  dueAt: string;
  priority: TaskPriority;
  status: TaskStatus;
  overdue: boolean;
  deliverable?: TaskDeliverable;
}
