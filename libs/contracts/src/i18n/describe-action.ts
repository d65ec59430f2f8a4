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
    else if (/At$/.test(name)) said[name] = readableDate(value);
    else said[name] = value;
  }
  return said;
}
