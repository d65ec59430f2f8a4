import type { Locale } from '@lib/contracts';
import { messages } from '../common/messages';

/** Codes the console shows in words; their words live in the kit's and the kinds' strings, the one place for them. */
export interface ConsoleLabels {
  kinds: Record<string, string>;
  phases: Record<string, string>;
  statuses: Record<string, string>;
  outcomes: Record<string, string>;
}

const GROUPS: Record<keyof ConsoleLabels, string> = { kinds: 'kind.', phases: 'phase.', statuses: 'status.', outcomes: 'outcome.' };

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
  };
}
