import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import type { PlanReport, PlanReportMeasure, PlanReportRow } from '../api/types';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';
import { Refusal } from '../ui/Refusal';
import { PlanBarChart } from './PlanBarChart';

/** The rows grouped under their priority, in the report's order. */
function priorities(rows: PlanReportRow[]): Array<[string, string, PlanReportRow[]]> {
  const groups = new Map<string, [string, string, PlanReportRow[]]>();
  for (const row of rows) {
    const group = groups.get(row.priority) ?? [row.priority, row.priorityLabel, []];
    group[2].push(row);
    groups.set(row.priority, group);
  }
  return [...groups.values()];
}

const today = () => new Date().toISOString().slice(0, 10);
const startOfLastYear = () => `${new Date().getUTCFullYear() - 1}-01-01`;

/**
 * The plan's report (`GET /reports/plan`): per key initiative and per year,
 * a bar chart of the measure the reader picks, and every figure in a table;
 * the range is the form's, and the same figures download as CSV.
 */
export function PlanReportPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [draft, setDraft] = useState({ from: startOfLastYear(), to: today() });
  const [range, setRange] = useState(draft);
  const [measure, setMeasure] = useState<PlanReportMeasure>('launched');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useQuery({
    // Not keyed by language: a switch of language asks every query again (I18nProvider), in the new one.
    queryKey: ['plan-report', range],
    queryFn: () => api.get<PlanReport>('/reports/plan', range),
    retry: false,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(draft);
  };
  const download = async () => {
    setDownloadError(null);
    try {
      const csv = await api.text('/reports/plan', 'text/csv', range);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = `plan-${range.from}-${range.to}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (err) {
      setDownloadError(err);
    }
  };
  const fieldErrors = report.error instanceof ApiError ? (report.error.body?.errors ?? []) : [];
  const errorOf = (field: string) => fieldErrors.filter((e) => e.field === field).map((e) => e.message);
  const data = report.data;
  const measureLabel = (code: PlanReportMeasure) => data?.measures.find((m) => m.code === code)?.label ?? code;
  return (
    <>
      <h1>{t('report.title')}</h1>
      <p>{t('report.intro')}</p>
      <form className="filters" onSubmit={submit} aria-labelledby="report-range">
        <h2 id="report-range" className="visually-hidden">
          {t('report.range')}
        </h2>
        {(['from', 'to'] as const).map((bound) => (
          <DateBound
            key={bound}
            bound={bound}
            label={t(`report.${bound}`)}
            value={draft[bound]}
            errors={errorOf(bound)}
            onChange={(value) => setDraft({ ...draft, [bound]: value })}
          />
        ))}
        <div className="buttons">
          <button type="submit">{t('report.show')}</button>
          <button type="button" className="secondary" onClick={() => void download()} disabled={!data}>
            {t('report.csv')}
          </button>
        </div>
      </form>
      {downloadError ? <Refusal error={downloadError} /> : null}
      {report.error && fieldErrors.length === 0 ? <Refusal error={report.error} /> : null}
      {!data && !report.error ? <p>{t('common.loading')}</p> : null}
      {data ? (
        <>
          <section aria-labelledby="report-totals">
            <h2 id="report-totals">{t('report.totals', { from: data.from.slice(0, 10), to: data.to.slice(0, 10) })}</h2>
            <ul className="key-figures">
              {data.measures.map((m) => (
                <li key={m.code}>
                  <span className="figure">{data.rows.reduce((n, row) => n + row[m.code], 0)}</span> {m.label}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="report-chart">
            <h2 id="report-chart">{t('report.chart')}</h2>
            <div className="field">
              <label htmlFor="report-measure">{t('report.measure')}</label>
              <select id="report-measure" value={measure} onChange={(e) => setMeasure(e.target.value as PlanReportMeasure)}>
                {data.measures.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
            <PlanBarChart
              rows={data.rows}
              years={data.years}
              measure={measure}
              title={t('report.chartTitle', { measure: measureLabel(measure) })}
              summary={t('report.chartSummary', {
                measure: measureLabel(measure),
                years: data.years.join(', '),
                total: data.rows.reduce((n, row) => n + row[measure], 0),
              })}
              yearLabel={(year) => String(year)}
            />
          </section>
          {data.years.map((year) => (
            <section key={year} aria-labelledby={`report-year-${year}`}>
              <h2 id={`report-year-${year}`}>{t('report.yearFigures', { year })}</h2>
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`report-year-${year}`}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.initiative')}</th>
                      {data.measures.map((m) => (
                        <th scope="col" key={m.code}>
                          {m.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  {priorities(data.rows.filter((row) => row.year === year)).map(([priority, label, rows]) => (
                    <tbody key={priority}>
                      <tr>
                        <th scope="colgroup" colSpan={data.measures.length + 1} className="priority-group">
                          {label}
                        </th>
                      </tr>
                      {rows.map((row) => (
                        <tr key={row.initiative}>
                          <th scope="row">{row.initiativeLabel}</th>
                          {data.measures.map((m) => (
                            <td key={m.code} className="number">
                              {row[m.code]}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </div>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

/** One end of the report's range: a date field, and what the API said is wrong with it. */
function DateBound(props: { bound: 'from' | 'to'; label: string; value: string; errors: string[]; onChange: (value: string) => void }) {
  const id = `report-${props.bound}`;
  const invalid = props.errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        required
      />
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          {props.errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
