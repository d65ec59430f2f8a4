import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import type { Language } from './format';

const CATALOGS: Record<Language, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'console.language';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** A string for a key built at run time (a field or option name); undefined when the catalog has none. */
  maybe: (key: string, params?: Params) => string | undefined;
}

const fill = (template: string, params: Params = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ defaultLanguage, children }: { defaultLanguage: Language; children: ReactNode }) {
  // The API answers in the reader's language (timeline, waiting labels, refusals): a switch asks again.
  const queryClient = useQueryClient();
  const [language, setLanguageState] = useState<Language>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'fr' || saved === 'en' ? saved : defaultLanguage;
  });
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = CATALOGS[language]['app.title'];
  }, [language]);
  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[language];
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
        void queryClient.invalidateQueries();
      },
      t: (key, params) => fill(catalog[key], params),
      maybe: (key, params) => (key in catalog ? fill(catalog[key as MessageKey], params) : undefined),
    };
  }, [language, queryClient]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
