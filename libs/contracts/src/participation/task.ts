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
  /** The expert doing it; null while a group task waits to be claimed. */
  assigneeId: string | null;
  /** Shared inbox the task was offered to, when it was not assigned to one person. */
  candidateGroup: string | null;
  dueAt: string;
  priority: TaskPriority;
  status: TaskStatus;
  overdue: boolean;
  deliverable?: TaskDeliverable;
}

/** Statuses in which a task still waits for someone. */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['open', 'claimed', 'declined'];
