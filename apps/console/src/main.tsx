import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApi } from './api/client';
import type { ConsoleConfig } from './api/types';
import { ConsoleProvider } from './app/console-context';
import { Shell } from './app/Shell';
import { createSession } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import './styles.css';

/** Reads the server's configuration, sets up sign-in and the API client, then renders the console. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const config = (await (await fetch('/console/config.json')).json()) as ConsoleConfig;
  const session = await createSession(config);
  const api = createApi(
    '',
    () => session.accessToken(),
    () => document.documentElement.lang || config.defaultLanguage,
  );
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
  });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ConsoleProvider value={{ config, session, api }}>
          <I18nProvider defaultLanguage={config.defaultLanguage}>
            <BrowserRouter>
              <Shell />
            </BrowserRouter>
          </I18nProvider>
        </ConsoleProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
