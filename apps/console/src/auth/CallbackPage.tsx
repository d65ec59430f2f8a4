import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/** /auth/callback: the provider sends people back here with a code; the library exchanges it (PKCE) for tokens. */
export function CallbackPage() {
  const { t } = useI18n();
  const { session } = useConsole();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    session.completeSignIn().then(
      (returnTo) => void navigate(returnTo, { replace: true }),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [session, navigate]);
  return error ? (
    <div className="notice error" role="alert">
      {t('signin.failed', { reason: error })}
    </div>
  ) : (
    <p role="status">{t('signin.completing')}</p>
  );
}
