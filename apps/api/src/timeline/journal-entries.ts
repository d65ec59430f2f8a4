import { describeJournalRow, type Locale } from '@lib/contracts';
import { messages } from '../common/messages';
import type { AuditEntryEntity } from '@lib/persistence';
import type { TimelineEntry } from './timeline-entry.view';

/**
 * Audit journal rows as timeline lines. Task rows name their task by id, so
 * `taskTitles` gives the titles to say instead.
 */
export function journalEntries(rows: AuditEntryEntity[], taskTitles: Map<string, string>, locale: Locale): TimelineEntry[] {
  return rows.map((row) => ({
    at: row.occurredAt.toISOString(),
    source: 'journal',
    type: row.action,
    text: describeJournalRow(messages, locale, { ...row, taskTitle: taskTitles.get(row.target) }),
    actorId: row.actorId,
    note: row.note,
  }));
}
