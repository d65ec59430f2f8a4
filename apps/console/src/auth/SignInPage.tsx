import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/** Sign-in: the identity provider when configured; a pasted development token only when the server accepts them. */
export function SignInPage({ refused }: { refused: boolean }) {
  const { t } = useI18n();
  const { session } = useConsole();
  const queryClient = useQueryClient();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    session.devToken?.signIn(token);
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  };
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
      ) : null}
      {session.devToken ? (
        <form onSubmit={submit} className="signin">
          <h2>{t('signin.devTitle')}</h2>
          <p className="help" id="token-help">
            {t('signin.devHelp')}
          </p>
          <div className="field">
            <label htmlFor="token">{t('signin.token')}</label>
            <textarea id="token" rows={3} value={token} onChange={(e) => setToken(e.target.value)} aria-describedby="token-help" required />
          </div>
          <button type="submit" disabled={!token.trim()}>
            {t('signin.submit')}
          </button>
        </form>
      ) : null}
      {!session.provider && !session.devToken ? <p>{t('signin.none')}</p> : null}
    </>
  );
}
