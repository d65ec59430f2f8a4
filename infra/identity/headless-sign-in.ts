import { createHash, randomBytes } from 'node:crypto';

/*
 * A person's sign-in without a browser, over plain HTTP, exactly as a browser
 * does it against the embedded provider: the authorization request with a
 * PKCE challenge, the sign-in form posted with the password, the redirects
 * followed to the client's redirect URI, the code exchanged for tokens.
 * `npm run token` and the tests obtain their tokens this way.
 */

export interface TokenSet {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
}

export interface SignInRequest {
  issuer: string;
  login: string;
  password: string;
  clientId?: string;
  /** The client's registered redirect URI; the code is read from it, nothing is sent there. */
  redirectUri: string;
  scope?: string;
}

/** An error answer of the provider (a refused sign-in, an invalid grant), with its status. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new SignInError(`no OpenID Connect discovery document at ${issuer} (${res.status})`, res.status);
  return (await res.json()) as Discovery;
}

/** Cookies of one user agent, sent back to the provider on every request, as a browser would. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request with the jar's cookies, redirects not followed. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.keep(res);
    return res;
  }
}

/** Signs a person in with the authorization code flow and PKCE (S256); the jar keeps their provider session. */
export async function signIn(request: SignInRequest, jar = new CookieJar()): Promise<TokenSet & { jar: CookieJar }> {
  const { issuer, clientId = 'console', redirectUri } = request;
  const endpoints = await discover(issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(endpoints.authorization_endpoint);
  for (const [key, value] of Object.entries({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: request.scope ?? 'openid profile email',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
  }))
    authorize.searchParams.set(key, value);

  let res = await jar.fetch(authorize.href);
  let location = await redirectOf(res, 'the authorization request');
  // The provider asks who signs in: the form is posted as a browser posts it.
  const interaction = /\/interaction\/([\w-]+)$/.exec(new URL(location, issuer).pathname);
  if (interaction) {
    res = await jar.fetch(new URL(`/interaction/${interaction[1]}/login`, issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: request.login, password: request.password }).toString(),
    });
    if (res.status === 401) throw new SignInError(`sign-in refused for ${request.login}: wrong password, or not an active person`, 401);
    location = await redirectOf(res, 'the sign-in form');
  }
  // Then on through the provider's redirects (consent is implicit for the project's clients) to the client.
  for (let hops = 0; !location.startsWith(redirectUri); hops++) {
    if (hops > 10) throw new SignInError('too many redirects before the client', 500);
    res = await jar.fetch(new URL(location, issuer).href);
    location = await redirectOf(res, location);
  }
  const answer = new URL(location).searchParams;
  if (answer.get('error')) throw new SignInError(`${answer.get('error')}: ${answer.get('error_description') ?? ''}`, 400);
  if (answer.get('state') !== state) throw new SignInError('the state came back changed', 400);
  const tokens = await tokenRequest(endpoints.token_endpoint, {
    grant_type: 'authorization_code',
    code: answer.get('code') ?? '',
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
  return { ...tokens, jar };
}

/** A new token set for a refresh token (the old refresh token is spent: the provider rotates them). */
export async function refresh(issuer: string, refreshToken: string, clientId = 'console'): Promise<TokenSet> {
  const { token_endpoint } = await discover(issuer);
  return tokenRequest(token_endpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
}

/** A service's own token (client credentials), for the API's audience. */
export async function serviceToken(issuer: string, clientId: string, secret: string): Promise<TokenSet> {
  const { token_endpoint } = await discover(issuer);
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  return tokenRequest(token_endpoint, { grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
}

async function tokenRequest(endpoint: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenSet> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await res.json()) as TokenSet & { error?: string; error_description?: string };
  if (!res.ok) throw new SignInError(`token endpoint: ${body.error ?? res.status} ${body.error_description ?? ''}`.trim(), res.status);
  return body;
}

async function redirectOf(res: Response, what: string): Promise<string> {
  const location = res.headers.get('location');
  if (res.status >= 300 && res.status < 400 && location) return location;
  const text = await res.text();
  throw new SignInError(`${what} answered ${res.status} without a redirect: ${text.slice(0, 300)}`, res.status);
}
