/** One calendar year of the report's range, cut to the range: [start, end). */
export interface YearWindow {
  year: number;
  start: Date;
  end: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The range a query names, as half-open instants: `from` (1 January of `to`'s
 * year by default) up to `to` included (now by default), a date alone in `to`
 * counting its whole day (UTC).
 */
export function reportRange(from: string | undefined, to: string | undefined, now = new Date()): { start: Date; end: Date } {
  const end = to === undefined ? new Date(now.getTime() + 1) : new Date(Date.parse(to) + (DATE_ONLY.test(to) ? DAY_MS : 1));
  const lastInstant = new Date(end.getTime() - 1);
  const start = from === undefined ? new Date(Date.UTC(lastInstant.getUTCFullYear(), 0, 1)) : new Date(from);
  return { start, end };
}

/** Each calendar year (UTC) the range touches, cut to it. */
export function yearWindows({ start, end }: { start: Date; end: Date }): YearWindow[] {
  const windows: YearWindow[] = [];
  for (let year = start.getUTCFullYear(); year <= new Date(end.getTime() - 1).getUTCFullYear(); year += 1) {
    const yearStart = new Date(Date.UTC(year, 0, 1));
    const yearEnd = new Date(Date.UTC(year + 1, 0, 1));
    windows.push({ year, start: yearStart > start ? yearStart : start, end: yearEnd < end ? yearEnd : end });
  }
  return windows;
}
