import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import type { ParticipationDetail, Timeline } from '../api/types';
import { useConsole, useLabels, useMe } from '../app/console-context';
import { useI18n } from '../i18n/i18n';
import { useDate } from '../ui/dates';
import { Done, Refusal } from '../ui/Refusal';
import { ActionPanel } from './ActionPanel';
import { workflowLink, workflowListLink } from './temporal-links';
import { PersonName, TaskHolder } from '../ui/PersonName';

/** One participation: where it stands, its story, its open tasks, and the actions valid now. */
export function ParticipationPage() {
  const { id = '' } = useParams();
  const { t, maybe } = useI18n();
  const { api, config } = useConsole();
  const labels = useLabels();
  const date = useDate();
  const location = useLocation();
  const noticeKey = (location.state as { notice?: 'launch.launched' } | null)?.notice;
  const notice = noticeKey ? t(noticeKey) : null;
  const detail = useQuery({
    queryKey: ['participation', id],
    queryFn: () => api.get<ParticipationDetail>(`/participations/${id}`),
    refetchInterval: 10_000,
  });
  // The story (journal and history) is the ministry's: a partner reads where their project stands, not its timeline.
  const readsTimeline = useMe().roles.some((role) => role !== 'partner');
  const timeline = useQuery({
    queryKey: ['timeline', id],
    queryFn: () => api.get<Timeline>(`/participations/${id}/timeline`),
    refetchInterval: 10_000,
    enabled: readsTimeline,
  });
  if (detail.error) return <Refusal error={detail.error} />;
  if (!detail.data) return <p>{t('common.loading')}</p>;
  const p = detail.data;
  const live = p.live;
  const phase = live?.phase ?? p.phase;
  const ui = config.temporalUi;
  const temporal = workflowLink(ui, p.workflowId);
  const kindList = workflowListLink(ui, { kind: p.kind });
  const phaseList = workflowListLink(ui, { kind: p.kind, phase });
  const openTasks = (live?.tasks ?? []).filter((task) => ['open', 'claimed', 'declined'].includes(task.status));
  const sessions = live?.details.sessions ?? [];
  return (
    <>
      {notice ? <Done text={notice} /> : null}
      <h1>{p.title}</h1>
      <p className="muted">
        {p.workflowId}
        {temporal ? (
          <>
            {' · '}
            <a href={temporal}>{t('common.temporal')}</a>
          </>
        ) : null}
      </p>
      {!live ? <p className="notice">{t('detail.liveUnavailable')}</p> : null}
      <dl className="facts">
        <dt>{t('detail.kind')}</dt>
        <dd>
          {labels.kind(p.kind)} {kindList ? <a href={kindList}>({t('common.temporalList')})</a> : null}
        </dd>
        <dt>{t('detail.forum')}</dt>
        <dd>{p.forum}</dd>
        <dt>{t('detail.phase')}</dt>
        <dd>
          {labels.phase(phase)} {phaseList ? <a href={phaseList}>({t('common.temporalList')})</a> : null}
        </dd>
        <dt>{t('detail.status')}</dt>
        <dd>
          {labels.status(live?.status ?? p.status)}
          {p.outcome ? ` — ${labels.outcome(p.outcome)}` : ''}
        </dd>
        {live?.waitingFor ? (
          <>
            <dt>{t('detail.waiting')}</dt>
            <dd>
              {live.waitingFor.label}
              {live.waitingFor.until ? ` (${t('detail.until', { date: date(live.waitingFor.until) })})` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t('detail.coordinator')}</dt>
        <dd>
          <PersonName id={p.coordinatorId} />
        </dd>
        <dt>{t('detail.launched')}</dt>
        <dd>{date(p.launchedAt)}</dd>
        {p.closedAt ? (
          <>
            <dt>{t('detail.closed')}</dt>
            <dd>{date(p.closedAt)}</dd>
          </>
        ) : null}
      </dl>
      {sessions.length > 0 ? (
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('detail.keyDates')}</h2>
          <ul>
            {sessions.map((s) => (
              <li key={s.key}>
                {s.label} — {date(s.date)} ({maybe(`session.status.${s.status}`) ?? s.status})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ActionPanel participation={p} />
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('detail.tasks')}</h2>
        {openTasks.length === 0 ? (
          <p>{t('detail.noTasks')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.task')}</th>
                <th scope="col">{t('col.assignee')}</th>
                <th scope="col">{t('col.due')}</th>
                <th scope="col">{t('col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {openTasks.map((task) => (
                <tr key={task.taskId}>
                  <td>
                    <Link to={`/console/tasks/${task.taskId}`}>{task.title}</Link>
                  </td>
                  <td>
                    <TaskHolder assigneeId={task.assigneeId} candidateGroup={task.candidateGroup} />
                  </td>
                  <td className={task.overdue ? 'late' : undefined}>
                    {date(task.dueAt)}
                    {task.overdue ? ` (${t('common.overdue')})` : ''}
                  </td>
                  <td>{maybe(`task.status.${task.status}`) ?? task.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {readsTimeline ? (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('detail.timeline')}</h2>
          {timeline.data && !timeline.data.historyAvailable ? <p className="notice">{t('detail.historyUnavailable')}</p> : null}
          {timeline.error ? <Refusal error={timeline.error} /> : null}
          <ol className="timeline">
            {(timeline.data?.entries ?? []).map((entry, index) => (
              <li key={index}>
                <time dateTime={entry.at}>{date(entry.at)}</time> — {entry.text}
                {entry.actorId && entry.actorId !== 'workflow' ? (
                  <span className="muted">
                    {' ('}
                    <PersonName id={entry.actorId} />)
                  </span>
                ) : null}
                {entry.note ? <div className="muted">{t('detail.note', { note: entry.note })}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
