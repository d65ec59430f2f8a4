import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Dashboard, Page, TaskItem } from '../api/types';
import { useConsole } from '../app/console-context';
import { formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { workflowListLink } from '../participations/temporal-links';
import { Refusal } from '../ui/Refusal';

/** What needs attention (`GET /dashboard`), each row leading to the participations and to the Temporal UI's list. */
export function AttentionPage() {
  const { t, language } = useI18n();
  const { api, config } = useConsole();
  const ui = config.temporalUi;
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api.get<Dashboard>('/dashboard', { waiting: 20 }),
    refetchInterval: 30_000,
  });
  // The dashboard has no per-person count yet: the oldest overdue open tasks, grouped here (see docs/console.md).
  const overdue = useQuery({
    queryKey: ['tasks', 'overdue'],
    queryFn: () =>
      api.get<Page<TaskItem>>('/tasks', { status: 'open,claimed', dueBefore: new Date().toISOString(), sort: 'dueAt', pageSize: 100 }),
  });
  if (dashboard.error) return <Refusal error={dashboard.error} />;
  if (!dashboard.data) return <p>{t('common.loading')}</p>;
  const d = dashboard.data;
  const byPerson = new Map<string, number>();
  for (const task of overdue.data?.items ?? []) {
    const who = task.assigneeId ?? t('common.group', { group: task.candidateGroup ?? '?' });
    byPerson.set(who, (byPerson.get(who) ?? 0) + 1);
  }
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
                    to={`/console/participations?kind=${encodeURIComponent(row.kind)}&phase=${encodeURIComponent(row.phase)}&status=active`}
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
        {overdue.error ? <Refusal error={overdue.error} /> : null}
        {byPerson.size === 0 ? <p>{t('attention.none')}</p> : null}
        <ul>
          {[...byPerson.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([who, count]) => (
              <li key={who}>
                {who} : {count}
              </li>
            ))}
        </ul>
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
