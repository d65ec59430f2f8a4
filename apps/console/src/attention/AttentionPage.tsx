import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Dashboard } from '../api/types';
import { useConsole } from '../app/console-context';
import { formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { workflowListLink } from '../participations/temporal-links';
import { useDate } from '../ui/dates';
import { Refusal } from '../ui/Refusal';
import { TaskHolder } from '../ui/PersonName';

/** What needs attention (`GET /dashboard`), each row leading to the participations and to the Temporal UI's list. */
export function AttentionPage() {
  const { t, language } = useI18n();
  const date = useDate();
  const { api, config } = useConsole();
  const ui = config.temporalUi;
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api.get<Dashboard>('/dashboard', { waiting: 20 }),
    refetchInterval: 30_000,
  });
  if (dashboard.error) return <Refusal error={dashboard.error} />;
  if (!dashboard.data) return <p>{t('common.loading')}</p>;
  const d = dashboard.data;
  const external = (href: string | null) => (href ? <a href={href}>{t('common.temporalList')}</a> : null);
  return (
    <>
      <h1>{t('attention.title')}</h1>
      <p>{t('attention.totals', { active: d.totals.activeParticipations, open: d.totals.openTasks, overdue: d.totals.overdueTasks })}</p>
      <section aria-labelledby="by-kind">
        <h2 id="by-kind">{t('attention.byKindPhase')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.kind')}</th>
              <th scope="col">{t('col.phase')}</th>
              <th scope="col">{t('col.count')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.byKindAndPhase.map((row) => (
              <tr key={`${row.kind}/${row.phase}`}>
                <td>{row.kindLabel}</td>
                <td>{row.phaseLabel}</td>
                <td>{row.count}</td>
                <td className="buttons">
                  <Link
                    to={`/console/participations?kind=${encodeURIComponent(row.kind)}&phase=${encodeURIComponent(row.phase)}${row.phase === 'closed' ? '' : '&status=active'}`}
                  >
                    {t('attention.participations')}
                  </Link>
                  {external(workflowListLink(ui, { kind: row.kind, phase: row.phase }))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="by-forum">
        <h2 id="by-forum">{t('attention.byForum')}</h2>
        {d.overdueByForum.length === 0 ? <p>{t('attention.none')}</p> : null}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.forum')}</th>
              <th scope="col">{t('col.overdue')}</th>
              <th scope="col">{t('col.open')}</th>
              <th scope="col">{t('col.withOverdue')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.overdueByForum.map((row) => (
              <tr key={row.forum}>
                <td>{row.forum}</td>
                <td className={row.overdueTasks > 0 ? 'late' : undefined}>{row.overdueTasks}</td>
                <td>{row.openTasks}</td>
                <td>{row.participationsWithOverdue}</td>
                <td className="buttons">
                  <Link to={`/console/participations?forum=${encodeURIComponent(row.forum)}&overdue=true`}>
                    {t('attention.participations')}
                  </Link>
                  {external(workflowListLink(ui, { forum: row.forum, overdue: true }))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="by-person">
        <h2 id="by-person">{t('attention.byPerson')}</h2>
        <p className="help">{t('attention.byPersonNote')}</p>
        {d.overdueByPerson.length === 0 ? (
          <p>{t('attention.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.person')}</th>
                <th scope="col">{t('col.overdue')}</th>
                <th scope="col">{t('col.oldest')}</th>
                <th scope="col">{t('col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.overdueByPerson.map((row) => (
                <tr key={`${row.assigneeId ?? ''}/${row.candidateGroup ?? ''}`}>
                  <td>
                    <TaskHolder assigneeId={row.assigneeId} candidateGroup={row.candidateGroup} />
                  </td>
                  <td className="late">{row.overdueTasks}</td>
                  <td>
                    <Link to={`/console/participations/${row.oldestParticipationId}`}>{row.oldestTitle}</Link> ({date(row.oldestDueAt)})
                  </td>
                  {/* AssignedExperts holds people only: a group's unclaimed work has no Temporal list of its own. */}
                  <td>{row.assigneeId ? external(workflowListLink(ui, { assignee: row.assigneeId, overdue: true })) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="waiting">
        <h2 id="waiting">{t('attention.waiting')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.title')}</th>
              <th scope="col">{t('col.phase')}</th>
              <th scope="col">{t('col.waiting')}</th>
              <th scope="col">{t('col.tasks')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.waitingLongest.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/console/participations/${row.id}`}>{row.title}</Link>
                </td>
                <td>{row.phaseLabel}</td>
                <td>{formatDuration(row.waitingSeconds, language)}</td>
                <td className={row.overdueTasks > 0 ? 'late' : undefined}>
                  {row.openTasks} ({row.overdueTasks})
                </td>
                <td>{external(workflowListLink(ui, { kind: row.kind, phase: row.phase }))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
