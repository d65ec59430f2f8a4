import { FOLLOW_UP_STATUSES } from '@lib/contracts';

/**
 * Fields a task's deliverable must carry, with their accepted values (any
 * non-empty text when the list is empty), by task kind.
 *
 * The workflows hold these on each task (`TaskSpec.requiredFields`) but do not
 * project them yet: until the task row carries them, this table says the same,
 * and `task-required-fields.spec.ts` fails when a workflow requires a field it
 * does not list. `approval` is the approval task being added on main.
 */
const BY_TASK_KIND: Record<string, Record<string, readonly string[]>> = {
  attendance: { attended: ['yes', 'no'] },
  'eligibility-screening': { eligible: ['yes', 'no'] },
  matching: { organization: [] },
  'delegate-assignment': { delegateId: [] },
  'follow-up': { status: FOLLOW_UP_STATUSES },
  succession: { successorId: [] },
  approval: { decision: ['approve', 'revise', 'reject'] },
};

export function requiredFieldsOf(taskKind: string): Record<string, readonly string[]> {
  return BY_TASK_KIND[taskKind] ?? {};
}

export const REQUIRED_FIELDS_BY_TASK_KIND: Readonly<typeof BY_TASK_KIND> = BY_TASK_KIND;
