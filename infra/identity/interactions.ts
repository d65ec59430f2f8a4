import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { PeopleAccounts } from './accounts';
import { errorPage, loginPage, pickLocale, type PageLocale } from './login-page';

const ROUTE = /^\/interaction\/([\w-]+)(\/login)?$/;
const MAX_FORM_BYTES = 8 * 1024;

/**
 * The interaction routes the provider sends a browser to: the sign-in form
 * (GET), its answer (POST …/login), and the consent step, granted at once:
 * every client of this provider is one of the project's own.
 * Answers false for any other path, which the provider itself then serves.
 */
export function interactionRoutes(provider: Provider, accounts: PeopleAccounts) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://provider.invalid');
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    const [, uid, login] = match;
    const chosen = url.searchParams.get('lang') ?? undefined;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
      const locale = pickLocale(chosen, details.params.ui_locales, req.headers['accept-language']);
      const client = await provider.Client.find(String(details.params.client_id));
      const view = {
        locale,
        action: `/interaction/${uid}/login`,
        clientName: client?.clientName ?? String(details.params.client_id),
      };
      if (details.prompt.name === 'login') {
        if (req.method === 'GET' && !login) return send(res, 200, loginPage({ ...view, switchHref: switchHref(uid, locale) }));
        if (req.method === 'POST' && login) {
          const form = await readForm(req);
          const formLocale = pickLocale(form.get('lang') ?? chosen, details.params.ui_locales, req.headers['accept-language']);
          const person = await accounts.authenticate(form.get('login') ?? '', form.get('password') ?? '');
          if (!person) {
            const page = loginPage({
              ...view,
              locale: formLocale,
              switchHref: switchHref(uid, formLocale),
              login: form.get('login') ?? '',
              failed: true,
            });
            return send(res, 401, page);
          }
          await provider.interactionFinished(req, res, { login: { accountId: person.id } }, { mergeWithLastSubmission: false });
          return true;
        }
        return send(res, 405, errorPage(locale, { error: 'method_not_allowed' }));
      }
      if (details.prompt.name === 'consent') {
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grantAll(provider, details) } },
          { mergeWithLastSubmission: true },
        );
        return true;
      }
      return send(res, 400, errorPage(locale, { error: 'unsupported_prompt' }));
    } catch (err) {
      const locale = pickLocale(chosen, undefined, req.headers['accept-language']);
      const error = err instanceof Error && 'error' in err ? String((err as { error: unknown }).error) : 'invalid_request';
      return send(res, 400, errorPage(locale, { error, error_description: 'interaction expired or not found' }));
    }
  };
}

/** First-party clients get what they ask for: the missing scopes are added to the grant. */
async function grantAll(provider: Provider, details: Awaited<ReturnType<Provider['interactionDetails']>>): Promise<string> {
  const accountId = details.session?.accountId as string;
  const clientId = String(details.params.client_id);
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '));
  return grant.save();
}

function switchHref(uid: string, locale: PageLocale): string {
  return `/interaction/${uid}?lang=${locale === 'fr' ? 'en' : 'fr'}`;
}

function send(res: ServerResponse, status: number, html: string): true {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The page loads nothing from elsewhere, runs no script, and may not be framed. No form-action:
    // the form's answer redirects on to the client, which browsers would check against it.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
  return true;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}
