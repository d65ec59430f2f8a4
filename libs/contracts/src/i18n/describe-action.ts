import type { Locale } from '../participation/locale';
import { readableDate } from './readable-date';
import type { Messages, MessageParams } from './strings';

/**
 * One journal action (`task.opened`, `participation.phase`…) as a sentence in
 * `locale`, used for activity summaries in the Temporal UI and for the API's
 * timeline. Codes among the parameters (phases, decisions, outcomes, dates)
 * are said in words too. `messages` holds the kit's words and the kinds' (a
 * kind's own actions and phases). An action without a sentence shows as its code.
 */
export function describeAction(messages: Messages, locale: Locale, action: string, params: Record<string, unknown> = {}): string {
  const key = `action.${action}`;
  if (!messages.has(key)) return action;
  return messages.t(locale, key, readableParams(messages, locale, params));
}

function readableParams(messages: Messages, locale: Locale, params: Record<string, unknown>): MessageParams {
  const said: MessageParams = {};
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return messages.has(key) ? messages.t(locale, key) : value;
  };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') said[name] = value;
    if (typeof value !== 'string') continue;
    if (name === 'from' || name === 'to' || name === 'phase') said[name] = word('phase', value);
    else if (name === 'decision') said[name] = word('decision', value);
    else if (name === 'outcome') said[name] = word('outcome', value);
    else if (name === 'type') said[name] = word('eventType', value);
    else if (/At$/.test(name) || name === 'date') said[name] = readableDate(value);
    else said[name] = value;
  }
  // A group's task has no assignee yet: the sentence names the group instead of leaving `{assigneeId}` unfilled.
  if (params.assigneeId == null && typeof params.candidateGroup === 'string' && messages.has('journal.group')) {
    said.assigneeId = messages.t(locale, 'journal.group', { group: params.candidateGroup });
  }
  return said;
}

/** A journal row as the timeline reads it: its new value, the phase it left, and the title of the task it names. */
export interface JournalRow {
  action: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
  /** The task's title when the row names a task (task rows carry only the task's id). */
  taskTitle?: string;
  target: string;
}

/** One row of the participation's journal as a sentence in `locale` (the API's timeline). */
export function describeJournalRow(messages: Messages, locale: Locale, row: JournalRow): string {
  const oldValue = row.oldValue ?? {};
  const newValue = row.newValue ?? {};
  return describeAction(messages, locale, row.action, {
    ...newValue,
    from: oldValue.phase,
    to: newValue.phase,
    title: newValue.title ?? row.taskTitle ?? row.target,
  });
}
