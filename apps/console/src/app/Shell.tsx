import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../api/api-error';
import type { Me } from '../api/types';
import { AttentionPage } from '../attention/AttentionPage';
import { CallbackPage } from '../auth/CallbackPage';
import { SignInPage } from '../auth/SignInPage';
import { useI18n } from '../i18n/i18n';
import { LaunchPage } from '../participations/LaunchPage';
import { ParticipationListPage } from '../participations/ParticipationListPage';
import { ParticipationPage } from '../participations/ParticipationPage';
import { PlanReportPage } from '../reports/PlanReportPage';
import { InboxPage } from '../tasks/InboxPage';
import { LiveUpdates } from '../tasks/live-updates';
import { TaskPage } from '../tasks/TaskPage';
import { Refusal } from '../ui/Refusal';
import { MeProvider, useConsole, useLabels } from './console-context';
import { PersonName } from '../ui/PersonName';

/** The page frame (skip link, banner, navigation, main landmark) and the routes, all under /console. */
export function Shell() {
  const { t, language, setLanguage } = useI18n();
  const { api, session } = useConsole();
  const queryClient = useQueryClient();
  const location = useLocation();
  const token = useSyncExternalStore(session.subscribe, session.accessToken);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => api.get<Me>('/me'), enabled: Boolean(token), retry: false });
  // Loaded beside /me, so that no page, opened from a link, shows its fields by their code names until the words come.
  const labels = useLabels();
  // Each page change moves focus to the main content, so keyboard and screen-reader users start at the top of it.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  const signedIn = token && me.data ? me.data : null;
  const refused = Boolean(token) && me.error instanceof ApiError && me.error.status === 401;
  const roles = signedIn?.roles ?? [];
  const has = (...wanted: string[]) => roles.includes('admin') || wanted.some((role) => roles.includes(role));
  const signOut = async () => {
    await session.signOut();
    queryClient.clear();
  };
  let content: ReactNode;
  if (location.pathname === '/auth/callback') content = <CallbackPage />;
  else if (!token || refused) content = <SignInPage refused={refused} />;
  else if (me.error) content = <Refusal error={me.error} />;
  else if (!signedIn || !labels.ready) content = <p>{t('common.loading')}</p>;
  else
    content = (
      <MeProvider value={signedIn}>
        <LiveUpdates>
          <Routes>
            <Route
              path="/console"
              element={
                <Navigate
                  to={has('coordinator') ? '/console/participations' : has('supervisor') ? '/console/attention' : '/console/inbox'}
                  replace
                />
              }
            />
            <Route path="/console/inbox" element={<InboxPage />} />
            <Route path="/console/tasks/:id" element={<TaskPage />} />
            <Route path="/console/participations" element={<ParticipationListPage />} />
            <Route path="/console/participations/new" element={<LaunchPage />} />
            <Route path="/console/participations/new/:kind" element={<LaunchPage />} />
            <Route path="/console/participations/:id" element={<ParticipationPage />} />
            <Route path="/console/attention" element={<AttentionPage />} />
            <Route path="/console/report" element={<PlanReportPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </LiveUpdates>
      </MeProvider>
    );
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="banner">
        <p className="brand">{t('app.title')}</p>
        {signedIn ? (
          <nav aria-label={t('nav.label')}>
            <ul>
              {has('coordinator', 'supervisor', 'partner') ? (
                <li>
                  <NavLink to="/console/participations" end>
                    {t('nav.participations')}
                  </NavLink>
                </li>
              ) : null}
              {has('coordinator') ? (
                <li>
                  <NavLink to="/console/participations/new">{t('nav.launch')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/console/inbox">{t('nav.inbox')}</NavLink>
              </li>
              {has('coordinator', 'supervisor') ? (
                <li>
                  <NavLink to="/console/attention">{t('nav.attention')}</NavLink>
                </li>
              ) : null}
              {has('supervisor') ? (
                <li>
                  <NavLink to="/console/report">{t('nav.report')}</NavLink>
                </li>
              ) : null}
              <li>
                <a href="/docs">{t('nav.docs')}</a>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className="tools">
          <button
            type="button"
            className="secondary"
            lang={language === 'fr' ? 'en' : 'fr'}
            aria-label={t('lang.switch')}
            onClick={() => setLanguage(language === 'fr' ? 'en' : 'fr')}
          >
            {t('lang.other')}
          </button>
          {signedIn ? (
            <>
              <span className="who">
                {t('user.signedInAs')} <PersonName id={signedIn.id} /> (
                {signedIn.roles.map((r) => t(`role.${r}` as 'role.admin')).join(', ')})
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t('user.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notfound.title')}</h1>
      <NavLink to="/console">{t('notfound.back')}</NavLink>
    </>
  );
}
