import type { Locale } from '../participation/locale';
import { readableDate } from './readable-date';
import { hasMessage, translate, type MessageParams } from './translate';

/**
 * One journal action (`task.opened`, `participation.phase`…) as a sentence in
 * `locale`, used for activity summaries in the Temporal UI and for the API's
 * timeline. Codes among the parameters (phases, decisions, outcomes, dates)
 * are said in words too. An action without a sentence yet shows as its code.
 */
export function describeAction(locale: Locale, action: string, params: Record<string, unknown> = {}): string {
  const key = `action.${action}`;
  if (!hasMessage(key)) return action;
  return translate(locale, key, readableParams(locale, params));
}

function readableParams(locale: Locale, params: Record<string, unknown>): MessageParams {
  const said: MessageParams = {};
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return hasMessage(key) ? translate(locale, key) : value;
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
