import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/** Sign-in: people sign in at the identity provider (the ministry's, or the embedded one in development). */
export function SignInPage({ refused }: { refused: boolean }) {
  const { t } = useI18n();
  const { session } = useConsole();
  return (
    <>
      <h1>{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      {refused ? (
        <div className="notice error" role="alert">
          {t('signin.refused')}
        </div>
      ) : null}
      {session.provider ? (
        <p>
          <button type="button" onClick={() => void session.provider?.signIn(window.location.pathname + window.location.search)}>
            {t('signin.oidc')}
          </button>
        </p>
      ) : (
        <p>{t('signin.none')}</p>
      )}
    </>
  );
}
