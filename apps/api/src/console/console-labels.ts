import { en } from '@lib/contracts/i18n/messages.en';
import { fr, type MessageKey } from '@lib/contracts/i18n/messages.fr';
import type { Locale } from '@lib/contracts';

/** Codes the console shows in words; their words live in the server's catalogs, the one place for them. */
export interface ConsoleLabels {
  kinds: Record<string, string>;
  phases: Record<string, string>;
  statuses: Record<string, string>;
  outcomes: Record<string, string>;
}

const GROUPS: Record<keyof ConsoleLabels, string> = { kinds: 'kind.', phases: 'phase.', statuses: 'status.', outcomes: 'outcome.' };

export function consoleLabels(locale: Locale): ConsoleLabels {
  const catalog: Record<MessageKey, string> = locale === 'en' ? en : fr;
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(catalog)
        .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.'))
        .map(([key, text]) => [key.slice(prefix.length), text]),
    );
  return {
    kinds: pick(GROUPS.kinds),
    phases: pick(GROUPS.phases),
    statuses: pick(GROUPS.statuses),
    outcomes: pick(GROUPS.outcomes),
  };
}
