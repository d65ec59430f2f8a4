import type { FieldRule, Me, TaskItem } from '../api/types';

/** How a required deliverable field is typed in the form. */
export type TaskFieldInput =
  | { name: string; type: 'yes-no' }
  | { name: string; type: 'choice'; options: string[] }
  | { name: string; type: 'person' }
  | { name: string; type: 'date' }
  | { name: string; type: 'text' };

/**
 * The task's required fields (`requiredFields`: field → rule, as the workflow
 * declared it) as typed inputs: yes/no, a status from its list, a person, a
 * date, free text.
 */
export function taskFieldInputs(requiredFields: Record<string, FieldRule> | undefined): TaskFieldInput[] {
  return Object.entries(requiredFields ?? {}).map(([name, rule]): TaskFieldInput => {
    if (rule.type !== 'choice') return { name, type: rule.type };
    const values = [...rule.values];
    if (values.length === 2 && values.includes('yes') && values.includes('no')) return { name, type: 'yes-no' };
    return { name, type: 'choice', options: values };
  });
}

const OPEN = ['open', 'claimed'];

/** Claiming means something only for a group task nobody holds yet, offered to a group the reader is in. */
export function canClaim(task: TaskItem, me: Me): boolean {
  return task.status === 'open' && task.assigneeId === null && task.candidateGroup !== null && me.groups.includes(task.candidateGroup);
}

/** Giving back: a group task the reader claimed returns to its group. */
export function canUnclaim(task: TaskItem, me: Me): boolean {
  return task.status === 'claimed' && task.assigneeId === me.id && task.candidateGroup !== null;
}

export function canComplete(task: TaskItem, me: Me): boolean {
  return OPEN.includes(task.status) && task.assigneeId === me.id;
}

/** The task kinds that carry a decision (an approval, a closing): taken by whom it was asked of, never handed on. */
const DECISION_KINDS = ['approval', 'closing'];

/** Declining hands a task back for someone else; a decision has nobody else to go to (the workflow refuses it too). */
export function canDecline(task: TaskItem, me: Me): boolean {
  return canComplete(task, me) && !DECISION_KINDS.includes(task.kind);
}

/** An approval decided from the inbox: `decision` is required; a revision or a rejection says why. */
export const isApprovalTask = (task: TaskItem) => task.kind === 'approval';

export function commentsRequired(task: TaskItem, fields: Record<string, string>): boolean {
  return isApprovalTask(task) && (fields.decision === 'revise' || fields.decision === 'reject');
}

/** The body of `POST /tasks/:id/complete`; an approval's summary is its comments, or the decision itself. */
export function deliverableBody(task: TaskItem, values: { summary: string; notes: string; fields: Record<string, string> }) {
  const fields = Object.fromEntries(Object.entries(values.fields).filter(([, value]) => value.trim() !== ''));
  const summary = values.summary.trim() || (isApprovalTask(task) ? (fields.comments ?? fields.decision ?? '') : '');
  return {
    deliverable: {
      summary,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
    },
  };
}
