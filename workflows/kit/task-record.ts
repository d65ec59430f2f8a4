import {
  ACTIVE_TASK_STATUSES,
  type CompleteTaskRequest,
  type RequiredFields,
  type TaskChange,
  type TaskPriority,
  type TaskView,
} from './contracts';

/*
 * A task as the kit keeps it, and what the task commands need of the board
 * that holds it (task-commands.ts acts on a TaskLedger, so it needs no board).
 */

export interface TaskSpec {
  /** Stable name of the step inside the process, e.g. `position/agriculture/r1`. */
  step: string;
  kind: string;
  title: string;
  instructions: string;
  /** One expert, or a candidate group whose members claim it (one of the two). */
  assigneeId?: string;
  candidateGroup?: string;
  priority?: TaskPriority;
  /** Due this long after it opens, or at `dueAt`. */
  dueInMs?: number;
  dueAt?: string;
  remindBeforeMs: number;
  /**
   * Fields the deliverable must carry, each with its accepted values (any
   * non-empty text when the list is empty): a screening's `eligible: yes|no`.
   */
  requiredFields?: RequiredFields;
  /** A closing date rather than a due date: at it the task expires and the step goes on without it. */
  expiresAtDue?: boolean;
  /** The step's own say on completing the task, beside the required fields (a decision: see decision-tasks.ts). */
  completion?: CompletionRule;
}

/**
 * What a step that waits on a task's deliverable checks and takes from it,
 * through the `completeTask` Update. `check` runs in the validator and refuses
 * by throwing a rejection (a decision already taken, a comment missing);
 * `accept` runs in the handler, before anything is awaited, so that a second
 * completion in the same workflow task is refused by `check`.
 */
export interface CompletionRule {
  check(request: CompleteTaskRequest, task: TaskRecord): void;
  accept(request: CompleteTaskRequest, task: TaskRecord): void;
}

export interface TaskRecord extends TaskView {
  kind: string;
  /** Counts reminders and overdue flags so each gets its own idempotency key. */
  events: number;
  requiredFields: RequiredFields;
  expiresAtDue: boolean;
  completion?: CompletionRule;
}

/** Where tasks are found and their changes written (the TaskBoard). */
export interface TaskLedger {
  find(taskId: string): TaskRecord | undefined;
  record(task: TaskRecord, suffix: string, change: Omit<TaskChange, 'taskId' | 'workflowId' | 'stepKey' | 'at'>): Promise<void>;
}

export const isActive = (task: TaskView) => ACTIVE_TASK_STATUSES.includes(task.status);

/** What the API and queries see of a task: the record without the kit's bookkeeping. */
export function toView({
  kind: _kind,
  events: _events,
  requiredFields: _fields,
  expiresAtDue: _expires,
  completion: _completion,
  ...view
}: TaskRecord): TaskView {
  return { ...view };
}
