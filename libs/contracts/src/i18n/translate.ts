import type { Locale } from '../participation/locale';
import { en, fr, type MessageKey } from './kit-strings';
import { Messages, type MessageParams, type Strings } from './strings';

/** The kit's and the API's words, in both languages. */
export const KIT_STRINGS: Strings<MessageKey> = { fr, en };

/** The kit's and the API's words; a kind adds its own with `kitMessages.with(strings)`. */
export const kitMessages = new Messages<MessageKey>(KIT_STRINGS);

/** Looks one of the kit's messages up in the caller's language and fills its `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return kitMessages.t(locale, key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return kitMessages.has(key);
}

export type { MessageKey, MessageParams };
