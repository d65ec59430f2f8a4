import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../api/client';
import type { ConsoleConfig, Labels, Me } from '../api/types';
import type { Session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

interface ConsoleContextValue {
  config: ConsoleConfig;
  session: Session;
  api: Api;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleContextValue; children: ReactNode }) {
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}

/** Who is signed in (`GET /me`); every page below the shell has one. */
const MeContext = createContext<Me | null>(null);
export const MeProvider = MeContext.Provider;

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

/**
 * Kind, phase, status and outcome codes, and the forms' field names and choice values, in words, from the server's
 * catalogs (the kit's and each kind's strings), in the reader's language; a code without words is shown as itself.
 */
export function useLabels() {
  const { api } = useConsole();
  const { language } = useI18n();
  const { data, error } = useQuery({
    queryKey: ['labels', language],
    queryFn: () => api.get<Labels>('/console/labels.json', { lang: language }),
    staleTime: Infinity,
    // While the other language's words load, the forms keep this one's rather than showing bare field names.
    placeholderData: keepPreviousData,
  });
  const word = (group: keyof Labels, code: string | null | undefined) => (code ? (data?.[group][code] ?? code) : '—');
  return {
    all: data,
    /** The words have come, or will not (a page then shows codes rather than wait forever). */
    ready: data !== undefined || error !== null,
    kind: (code: string) => word('kinds', code),
    phase: (code: string) => word('phases', code),
    status: (code: string) => word('statuses', code),
    outcome: (code: string | null | undefined) => word('outcomes', code),
    field: (name: string) => data?.fields[name] ?? name,
    option: (value: string) => data?.options[value] ?? value,
  };
}
