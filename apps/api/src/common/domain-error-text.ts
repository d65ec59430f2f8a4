import type { Locale, MessageParams } from '@lib/contracts';
import type { DomainError } from './domain-error';
import { messages } from './messages';

/**
 * A domain error's message in `locale`, as the error filter says it: its
 * parameters that are message keys in words, the workflow's reason translated.
 * For answers that carry several refusals at once (a bulk reassignment).
 */
export function domainErrorText(error: DomainError, locale: Locale): string {
  const params: MessageParams = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [
      name,
      typeof value === 'string' && messages.has(value) ? messages.t(locale, value) : value,
    ]),
  );
  if (error.reason) params.reason = messages.t(locale, error.reason.key, error.reason.params);
  return messages.t(locale, error.messageKey, params);
}
