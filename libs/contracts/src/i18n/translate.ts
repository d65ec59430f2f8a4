import type { Locale } from '../participation/locale';
import { en } from './messages.en';
import { fr, type MessageKey } from './messages.fr';

const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type MessageParams = Record<string, string | number>;

/** Looks a message up in the caller's language and fills its `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(key: string): key is MessageKey {
  return key in fr;
}

export type { MessageKey };
