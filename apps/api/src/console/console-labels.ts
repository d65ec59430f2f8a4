import type { Locale } from '@lib/contracts';
import { messages } from '../common/messages';

/**
 * Codes the console shows in words; their words live in the kit's and the kinds' strings, the one place for them.
 * `fields` and `options` label the forms' fields (launch, tasks, actions) and their choices by name and value.
 */
export interface ConsoleLabels {
  kinds: Record<string, string>;
  phases: Record<string, string>;
  statuses: Record<string, string>;
  outcomes: Record<string, string>;
  fields: Record<string, string>;
  options: Record<string, string>;
}

const GROUPS: Record<keyof ConsoleLabels, string> = {
  kinds: 'kind.',
  phases: 'phase.',
  statuses: 'status.',
  outcomes: 'outcome.',
  fields: 'field.',
  options: 'option.',
};

export function consoleLabels(locale: Locale): ConsoleLabels {
  const pick = (prefix: string) =>
    Object.fromEntries(
      messages
        .keys()
        .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.'))
        .map((key) => [key.slice(prefix.length), messages.t(locale, key as never)]),
    );
  return {
    kinds: pick(GROUPS.kinds),
    phases: pick(GROUPS.phases),
    statuses: pick(GROUPS.statuses),
    outcomes: pick(GROUPS.outcomes),
    fields: pick(GROUPS.fields),
    options: pick(GROUPS.options),
  };
}
