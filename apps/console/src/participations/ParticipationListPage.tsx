import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ParticipationList } from '../api/types';
import { useConsole, useLabels, useMe } from '../app/console-context';
import { fromLocalInputValue, toLocalInputValue } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useDate } from '../ui/dates';
import { Pager } from '../ui/Pager';
import { Refusal } from '../ui/Refusal';
import { workflowLink } from './temporal-links';

const FILTERS = ['kind', 'phase', 'forum', 'status', 'coordinatorId', 'overdue', 'launchedFrom', 'launchedTo', 'dueTo'] as const;

/** "My participations": `GET /participations` with its filters, counts and paging, kept in the address so a view can be shared. */
export function ParticipationListPage() {
  const { t } = useI18n();
  const { api, config } = useConsole();
  const labels = useLabels();
  const me = useMe();
  const date = useDate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const list = useQuery({
    queryKey: ['participations', params.toString()],
    queryFn: () => api.get<ParticipationList>('/participations', { ...query, page, pageSize }),
  });
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTERS.map((n) => [n, params.get(n) ?? ''])));
  const set = (name: string, value: string) => setDraft({ ...draft, [name]: value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(draft)) if (value) next.set(name, value);
    next.set('pageSize', String(pageSize));
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  return (
    <>
      <h1>{t('list.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('list.filters')}>
        <div className="field">
          <label htmlFor="flt-kind">{t('list.kind')}</label>
          <select id="flt-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {Object.entries(labels.all?.kinds ?? {}).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flt-phase">{t('list.phase')}</label>
          <input id="flt-phase" value={draft.phase} onChange={(e) => set('phase', e.target.value)} list="phase-codes" />
          <datalist id="phase-codes">
            {Object.entries(labels.all?.phases ?? {}).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="flt-forum">{t('list.forum')}</label>
          <input id="flt-forum" value={draft.forum} onChange={(e) => set('forum', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="flt-status">{t('list.status')}</label>
          <select id="flt-status" value={draft.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('common.any')}</option>
            {Object.entries(labels.all?.statuses ?? {}).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flt-overdue">{t('list.overdue')}</label>
          <select id="flt-overdue" value={draft.overdue} onChange={(e) => set('overdue', e.target.value)}>
            <option value="">{t('common.any')}</option>
            <option value="true">{t('list.overdueYes')}</option>
            <option value="false">{t('list.overdueNo')}</option>
          </select>
        </div>
        {(['launchedFrom', 'launchedTo', 'dueTo'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`flt-${name}`}>{t(`list.${name}`)}</label>
            <input
              id={`flt-${name}`}
              type="datetime-local"
              value={toLocalInputValue(draft[name])}
              onChange={(e) => set(name, fromLocalInputValue(e.target.value))}
            />
          </div>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.coordinatorId === me.id}
            onChange={(e) => set('coordinatorId', e.target.checked ? me.id : '')}
          />{' '}
          {t('list.mine')}
        </label>
        <div className="buttons">
          <button type="submit">{t('common.apply')}</button>
          <button type="button" className="secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      {list.error ? <Refusal error={list.error} /> : null}
      {list.data ? (
        <>
          <p role="status">
            {t('list.counts', { total: list.data.total, open: list.data.counts.openTasks, overdue: list.data.counts.overdueTasks })}{' '}
            {t('list.order')}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col.title')}</th>
                  <th scope="col">{t('col.kind')}</th>
                  <th scope="col">{t('col.phase')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.tasks')}</th>
                  <th scope="col">{t('col.nextDue')}</th>
                  <th scope="col">{t('col.launched')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => {
                  const temporal = workflowLink(config.temporalUi, p.workflowId);
                  return (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/console/participations/${p.id}`}>{p.title}</Link>
                        <div className="muted small">
                          {p.workflowId}
                          {temporal ? (
                            <>
                              {' · '}
                              <a href={temporal}>{t('common.temporal')}</a>
                            </>
                          ) : null}
                        </div>
                      </td>
                      <td>{labels.kind(p.kind)}</td>
                      <td>{labels.phase(p.phase)}</td>
                      <td>{labels.status(p.status)}</td>
                      <td className={p.overdueTasks > 0 ? 'late' : undefined}>
                        {p.openTasks} ({p.overdueTasks})
                      </td>
                      <td>{date(p.nextDueAt)}</td>
                      <td>{date(p.launchedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <Pager page={page} pageSize={pageSize} total={list.data.total} onPage={goTo} />
        </>
      ) : null}
    </>
  );
}
