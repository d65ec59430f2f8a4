import { ACTOR_ID_PATTERN } from './input-safety';

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

/**
 * What one deliverable field must hold, so that every page and every check
 * knows its type: one of a list of values (yes/no, a status), a person of the
 * directory (its identifier), a date, or free text.
 */
export type FieldRule =
  | { readonly type: 'choice'; readonly values: readonly string[] }
  | { readonly type: 'person' }
  | { readonly type: 'date' }
  | { readonly type: 'text' };

/** Field name → what it must hold: the fields a task's deliverable must carry. */
export type RequiredFields = Readonly<Record<string, FieldRule>>;

export const choiceOf = (...values: string[]): FieldRule => ({ type: 'choice', values });
export const YES_NO: FieldRule = choiceOf('yes', 'no');
export const PERSON: FieldRule = { type: 'person' };
export const DATE: FieldRule = { type: 'date' };
export const TEXT: FieldRule = { type: 'text' };

/** Whether `value` satisfies `rule` as far as the workflow can tell (the API also checks that a person exists). */
export function satisfiesRule(rule: FieldRule, value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  switch (rule.type) {
    case 'choice':
      return rule.values.includes(value);
    case 'person':
      return ACTOR_ID_PATTERN.test(value);
    case 'date':
      return !Number.isNaN(Date.parse(value));
    case 'text':
      return true;
  }
}

/** How a refusal names what the field accepts. */
export function describeRule(rule: FieldRule): string {
  return rule.type === 'choice' ? rule.values.join(', ') : rule.type;
}
