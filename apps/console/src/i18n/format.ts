/**
 * Dates and durations in the reader's language and time zone. French reads a
 * 24-hour clock; the API speaks UTC ISO 8601, which is what forms send back.
 */
export type Language = 'fr' | 'en';

const LOCALES: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

export function formatDateTime(iso: string | null | undefined, language: Language, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: language === 'fr' ? 'h23' : 'h12',
    timeZone,
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** How long something has waited: the two largest units ("3 j 4 h", "2 days 4 hours"). */
export function formatDuration(seconds: number, language: Language): string {
  const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) {
      parts.push(new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit, unitDisplay: 'long' }).format(count));
    }
  }
  return parts.length > 0
    ? parts.join(' ')
    : new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC ISO instant as the value of an `<input type="datetime-local">`, in the reader's own time zone. */
export function toLocalInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the reader typed (their local wall-clock time) as the UTC ISO instant the API stores; '' when incomplete. */
export function fromLocalInputValue(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
