import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useConsole } from '../app/console-context';

/**
 * Listens to `GET /tasks/events` while someone is signed in and refreshes what
 * the pages show. Pages keep their forms in their own state, so a refresh
 * never loses what a person was typing. Reconnects after a few seconds when cut.
 */
const LiveContext = createContext(false);

export function LiveUpdates({ children }: { children: ReactNode }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      setConnected(true);
      api
        .stream(
          '/tasks/events',
          () => {
            void queryClient.invalidateQueries({ queryKey: ['tasks'] });
            void queryClient.invalidateQueries({ queryKey: ['task'] });
            void queryClient.invalidateQueries({ queryKey: ['participation'] });
          },
          abort.signal,
        )
        .catch(() => undefined)
        .finally(() => {
          if (abort.signal.aborted) return;
          setConnected(false);
          timer = setTimeout(connect, 3_000);
        });
    };
    connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, queryClient]);
  return <LiveContext.Provider value={connected}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);
