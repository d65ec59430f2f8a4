import type { Locale, MessageKey } from '@lib/contracts';
import { ALL_MESSAGES, type KindMessageKey } from '@workflows/registry-lookups';

/** What the API says: the kit's words and every kind's (errors, refusals, timelines, dashboards). */
export const messages = ALL_MESSAGES;

export type AnyMessageKey = MessageKey | KindMessageKey;

/** A code in words (`phase.<code>`, `kind.<code>`, `outcome.<code>`), or the code itself when none is known. */
export function wordFor(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return messages.has(key) ? messages.t(locale, key) : code;
}
