import { formatDateTime, formatDuration, fromLocalInputValue, toLocalInputValue } from './format';

describe('dates in the reader’s language', () => {
  const iso = '2027-03-01T17:05:00.000Z';

  it('writes French with a 24-hour clock and English with am/pm', () => {
    const fr = formatDateTime(iso, 'fr', 'America/Toronto');
    const en = formatDateTime(iso, 'en', 'America/Toronto');
    expect(fr).toContain('12 h 05');
    expect(fr).toContain('mars');
    expect(fr).not.toMatch(/PM|AM/i);
    expect(en).toMatch(/12:05\s?p\.?m\.?/i);
    expect(en).toContain('Mar');
  });

  it('shows a dash for no date and the text itself for one it cannot read', () => {
    expect(formatDateTime(null, 'fr')).toBe('—');
    expect(formatDateTime('someday', 'en')).toBe('someday');
  });

  it('turns the reader’s local date-time into UTC and back', () => {
    const local = toLocalInputValue(iso);
    expect(local).toMatch(/^2027-03-0[12]T\d{2}:05$/);
    expect(fromLocalInputValue(local)).toBe(iso);
    expect(new Date(fromLocalInputValue('2027-07-01T09:30')).getTime()).toBe(new Date(2027, 6, 1, 9, 30).getTime());
    expect(fromLocalInputValue('2027-07-01')).toBe('');
  });

  it('says how long something waited in the two largest units', () => {
    // Intl puts a no-break space between a number and its unit.
    const plain = (text: string) => text.replace(/\u00a0/g, ' ');
    expect(plain(formatDuration(3 * 86_400 + 4 * 3_600 + 60, 'fr'))).toBe('3 jours 4 heures');
    expect(plain(formatDuration(90 * 60, 'en'))).toBe('1 hour 30 minutes');
    expect(plain(formatDuration(0, 'en'))).toBe('0 minutes');
  });
});
