import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';
import { Done, Refusal } from '../ui/Refusal';

/**
 * The reader's calendar feed: a secret address to subscribe to in a calendar
 * application. The server keeps only its hash, so the address is shown once,
 * when it is made; a new one replaces it, revoking ends it.
 */
export function CalendarFeed() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const renew = useMutation({
    mutationFn: () => api.post<{ url: string }>('/me/calendar-feed'),
    onSuccess: (answer) => {
      setUrl(answer.url);
      setRevoked(false);
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/me/calendar-feed'),
    onSuccess: () => {
      setUrl(null);
      setRevoked(true);
    },
  });
  return (
    <section aria-labelledby="calendar-title" className="calendar-feed">
      <h2 id="calendar-title">{t('calendar.title')}</h2>
      <p className="help">{t('calendar.help')}</p>
      {url ? (
        <div className="field">
          <label htmlFor="calendar-url">{t('calendar.url')}</label>
          <input id="calendar-url" type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
      {revoked ? <Done text={t('calendar.revoked')} /> : null}
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => renew.mutate()} disabled={renew.isPending}>
          {url ? t('calendar.renew') : t('calendar.get')}
        </button>
        <button type="button" className="secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          {t('calendar.revoke')}
        </button>
      </div>
      {renew.isError ? <Refusal error={renew.error} /> : null}
      {revoke.isError ? <Refusal error={revoke.error} /> : null}
    </section>
  );
}
