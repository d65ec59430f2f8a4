import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Page, TaskItem } from '../api/types';
import { useConsole } from '../app/console-context';
import { fromLocalInputValue, toLocalInputValue } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useDate } from '../ui/dates';
import { Pager } from '../ui/Pager';
import { Done, Refusal } from '../ui/Refusal';
import { useLive } from './live-updates';
import { CalendarFeed } from './CalendarFeed';
import { ClaimButtons } from './TaskActions';
import { TaskHolder } from '../ui/PersonName';

const STATUSES = ['open', 'claimed', 'completed', 'declined', 'expired', 'cancelled'];
const DEFAULT_STATUSES = 'open,claimed';

/** The inbox: my tasks and my groups' unclaimed ones, filtered, sorted and paged by the API, updated live. */
export function InboxPage() {
  const { t, maybe } = useI18n();
  const { api } = useConsole();
  const date = useDate();
  const live = useLive();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const status = params.get('status') ?? DEFAULT_STATUSES;
  const page = Number(params.get('page') ?? 1);
  const pageSize = 20;
  const sort = params.get('sort') ?? 'dueAt';
  const tasks = useQuery({
    queryKey: ['tasks', params.toString()],
    queryFn: () =>
      api.get<Page<TaskItem>>('/tasks', {
        status,
        participationId: params.get('participationId') ?? undefined,
        dueBefore: params.get('dueBefore') ?? undefined,
        sort,
        page,
        pageSize,
      }),
  });
  const [draft, setDraft] = useState({
    status: status.split(','),
    participationId: params.get('participationId') ?? '',
    dueBefore: params.get('dueBefore') ?? '',
    sort,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.status.length) next.set('status', draft.status.join(','));
    if (draft.participationId.trim()) next.set('participationId', draft.participationId.trim());
    if (draft.dueBefore) next.set('dueBefore', draft.dueBefore);
    next.set('sort', draft.sort);
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className={`live${live ? ' on' : ''}`} role="status">
        {live ? t('inbox.live') : t('inbox.liveOff')}
      </p>
      {notice ? <Done text={notice} /> : null}
      <form className="filters" onSubmit={apply} aria-label={t('list.filters')}>
        <fieldset className="field">
          <legend>{t('inbox.status')}</legend>
          {STATUSES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={draft.status.includes(s)}
                onChange={(e) =>
                  setDraft({ ...draft, status: e.target.checked ? [...draft.status, s] : draft.status.filter((x) => x !== s) })
                }
              />{' '}
              {maybe(`task.status.${s}`) ?? s}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="flt-participation">{t('inbox.participation')}</label>
          <input
            id="flt-participation"
            value={draft.participationId}
            onChange={(e) => setDraft({ ...draft, participationId: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="flt-due">{t('inbox.dueBefore')}</label>
          <input
            id="flt-due"
            type="datetime-local"
            value={toLocalInputValue(draft.dueBefore)}
            onChange={(e) => setDraft({ ...draft, dueBefore: fromLocalInputValue(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="flt-sort">{t('inbox.sort')}</label>
          <select id="flt-sort" value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.target.value })}>
            <option value="dueAt">{t('inbox.sortDue')}</option>
            <option value="priority">{t('inbox.sortPriority')}</option>
          </select>
        </div>
        <div className="buttons">
          <button type="submit">{t('common.apply')}</button>
        </div>
      </form>
      {tasks.error ? <Refusal error={tasks.error} /> : null}
      {tasks.data ? (
        <>
          <p>{t('inbox.count', { total: tasks.data.total })}</p>
          {tasks.data.items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col.task')}</th>
                  <th scope="col">{t('col.assignee')}</th>
                  <th scope="col">{t('col.due')}</th>
                  <th scope="col">{t('col.priority')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.items.map((task) => (
                  <tr key={task.id} data-task-id={task.id}>
                    <td>
                      <Link to={`/console/tasks/${task.id}`}>{task.title}</Link>
                    </td>
                    <td>
                      <TaskHolder assigneeId={task.assigneeId} candidateGroup={task.candidateGroup} />
                    </td>
                    <td className={task.overdue ? 'late' : undefined}>
                      {date(task.dueAt)}
                      {task.overdue ? ` (${t('common.overdue')})` : ''}
                    </td>
                    <td>{maybe(`task.priority.${task.priority}`) ?? task.priority}</td>
                    <td>{maybe(`task.status.${task.status}`) ?? task.status}</td>
                    <td className="buttons">
                      <ClaimButtons task={task} onDone={setNotice} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} pageSize={pageSize} total={tasks.data.total} onPage={goTo} />
        </>
      ) : null}
      <CalendarFeed />
    </>
  );
}
