import type { Locale } from '../participation/locale';

export type MessageParams = Record<string, string | number>;

/** One set of words in both languages, with the same keys (the compiler checks). */
export interface Strings<K extends string = string> {
  fr: Record<K, string>;
  en: Record<K, string>;
}

/** The keys of a set of strings: `KeyOf<typeof wtoRoundStrings>`. */
export type KeyOf<S> = S extends Strings<infer K> ? K : never;

/** Declares a kind's strings: French first, English with exactly the French keys. */
export function defineStrings<const F extends Record<string, string>>(strings: {
  fr: F;
  en: Record<keyof F, string>;
}): Strings<keyof F & string> {
  return strings;
}

/**
 * Looks words up in several sets, the kit's and one or more kinds', in the
 * caller's language, and fills their `{placeholders}`. A key no set holds is
 * said as itself (a log line never breaks on a missing word; tests make sure
 * none is missing).
 */
export class Messages<K extends string = string> {
  private readonly sets: readonly Strings[];

  constructor(...sets: Strings[]) {
    this.sets = sets;
  }

  t(locale: Locale, key: K, params: MessageParams = {}): string {
    const template = this.template(locale, key) ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  has(key: string): key is K {
    return this.sets.some((set) => Object.prototype.hasOwnProperty.call(set.fr, key));
  }

  /** Every key, in the order the sets were given (for tests that every one is said in both languages). */
  keys(): string[] {
    return this.sets.flatMap((set) => Object.keys(set.fr));
  }

  /** A new lookup that also knows `more` (a kind's words beside the kit's). */
  with<M extends string>(more: Strings<M>): Messages<K | M> {
    return new Messages<K | M>(...this.sets, more);
  }

  private template(locale: Locale, key: string): string | undefined {
    for (const set of this.sets) {
      if (Object.prototype.hasOwnProperty.call(set[locale], key)) return set[locale][key];
    }
    return undefined;
  }
}
