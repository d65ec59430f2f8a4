import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** Dates in the reader's language and time zone. */
export function useDate(): (iso: string | null | undefined) => string {
  const { language } = useI18n();
  return (iso) => formatDateTime(iso, language);
}

export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
