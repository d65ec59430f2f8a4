import type { Locale } from '@lib/contracts';
import type { PlanReport } from '@lib/contracts/http/http-views';
import { messages } from '../common/messages';

/** A CSV field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
const field = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as CSV (RFC 4180, CRLF line ends), one line per initiative and
 * year, headers in the caller's language: year, priority and initiative (code
 * and label), then each measure.
 */
export function planReportCsv(report: PlanReport, locale: Locale): string {
  const t = (key: Parameters<typeof messages.t>[1]) => messages.t(locale, key);
  const header = [
    t('report.year'),
    t('report.priority'),
    `${t('report.priority')} (${locale === 'fr' ? 'libellé' : 'label'})`,
    t('report.initiative'),
    `${t('report.initiative')} (${locale === 'fr' ? 'libellé' : 'label'})`,
    ...report.measures.map((m) => m.label),
  ];
  const lines = report.rows.map((row) => [
    row.year,
    row.priority,
    row.priorityLabel,
    row.initiative,
    row.initiativeLabel,
    ...report.measures.map((m) => row[m.code]),
  ]);
  return [header, ...lines].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}
