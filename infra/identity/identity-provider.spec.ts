import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import { PersonEntity } from '../../libs/persistence/src/entities/person.entity';
import { freePort } from '../net/free-port';
import { CookieJar, discover, refresh, serviceToken, signIn, SignInError, type Discovery } from './headless-sign-in';
import { loadIdentityConfig } from './identity-config';
import { startIdentityProcess, type IdentityProcess } from './identity-process';

/*
 * The embedded provider as a client sees it, over HTTP: a process of its own
 * (from the TypeScript sources) on the run's people table, with a keys file of
 * its own, so that a restart can be shown to keep tokens valid.
 */
describe('embedded OpenID Connect provider', () => {
  const keysDir = mkdtempSync(join(tmpdir(), 'identity-spec-'));
  const redirectUri = 'http://127.0.0.1:3000/auth/callback';
  let port: number;
  let provider: IdentityProcess;
  let issuer: string;
  let endpoints: Discovery;
  let db: DataSource;

  const start = () =>
    startIdentityProcess(
      {
        ...process.env,
        NODE_ENV: 'test',
        IDENTITY_PORT: String(port),
        IDENTITY_ISSUER: '',
        IDENTITY_KEYS_FILE: join(keysDir, 'keys.json'),
      },
      { from: 'typescript' },
    );
  const asPerson = (login: string, password = 'demo') => signIn({ issuer, login, password, redirectUri });
  const verify = async (token: string) =>
    (await jwtVerify(token, createRemoteJWKSet(new URL(endpoints.jwks_uri)), { issuer, audience: 'participations-api' })).payload;

  beforeAll(async () => {
    port = await freePort();
    provider = await start();
    issuer = provider.issuer;
    endpoints = await discover(issuer);
    db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [PersonEntity] }).initialize();
    await db.getRepository(PersonEntity).upsert(
      [
        { id: 'identity-inactive', displayName: 'Ancienne experte', email: 'inactive@example.org', roles: ['expert'], active: false },
        { id: 'identity-leaving', displayName: 'Sur le départ', email: 'leaving@example.org', roles: ['expert'], active: true },
      ],
      ['id'],
    );
  }, 60_000);

  afterAll(async () => {
    await provider?.stop();
    await db?.destroy();
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('publishes its discovery document: code flow with S256 only, refresh, client credentials, sign-out, RS256 keys', async () => {
    expect(issuer).toBe(`http://127.0.0.1:${port}`);
    expect(endpoints).toMatchObject({
      issuer,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      end_session_endpoint: `${issuer}/session/end`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect((endpoints as unknown as { grant_types_supported: string[] }).grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    const { keys } = (await (await fetch(endpoints.jwks_uri)).json()) as { keys: Array<Record<string, string>> };
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    // The public half only.
    expect(keys[0].d).toBeUndefined();
    expect(statSync(join(keysDir, 'keys.json')).mode & 0o077).toBe(0);
  });

  it('signs a person in with PKCE: a JWT access token for the API with roles, groups and Temporal permissions', async () => {
    const tokens = await asPerson('sup-gagnon');
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const access = await verify(tokens.access_token);
    expect(access).toMatchObject({
      sub: 'sup-gagnon',
      client_id: 'console',
      roles: ['supervisor'],
      groups: [],
      permissions: ['default:read', 'temporal-system:read'],
    });
    expect((access.exp as number) - (access.iat as number)).toBe(900);
    expect(decodeJwt(tokens.id_token as string)).toMatchObject({
      sub: 'sup-gagnon',
      aud: 'console',
      name: 'Claire Gagnon',
      email: 'claire.gagnon@example.org',
      locale: 'fr',
    });

    const admin = await verify((await asPerson('admin')).access_token);
    expect(admin.permissions).toEqual(['default:admin', 'temporal-system:read']);
    const expert = await verify((await asPerson('expert-tremblay')).access_token);
    expect(expert).toMatchObject({ roles: ['expert'], groups: ['wto-experts'], permissions: [] });
  });

  it('refuses an authorization request without a PKCE challenge, or with the plain method', async () => {
    for (const extra of [{}, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }]) {
      const url = new URL(endpoints.authorization_endpoint);
      const params = { client_id: 'console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's', ...extra };
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      const res = await fetch(url, { redirect: 'manual' });
      const location = new URL(res.headers.get('location') as string);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('lets the Temporal UI server (a confidential client, which sends no code challenge) start a sign-in without PKCE', async () => {
    const url = new URL(endpoints.authorization_endpoint);
    const uiCallback = 'http://127.0.0.1:8233/auth/sso/callback';
    const params = { client_id: 'temporal-ui', redirect_uri: uiCallback, response_type: 'code', scope: 'openid profile', state: 's' };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/interaction\//);
  });

  it('rotates refresh tokens: a new one at each use, the spent one refused', async () => {
    const first = await asPerson('coord-lavoie');
    const second = await refresh(issuer, first.refresh_token as string);
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(await verify(second.access_token)).toMatchObject({ sub: 'coord-lavoie', roles: ['coordinator'] });
    await expect(refresh(issuer, first.refresh_token as string)).rejects.toThrow(/invalid_grant/);
  });

  it('signs a person out (RP-initiated logout, French first): back to the console, and their refresh token is gone', async () => {
    const jar = new CookieJar();
    const tokens = await signIn({ issuer, login: 'expert-nguyen', password: 'demo', redirectUri }, jar);
    const end = new URL(endpoints.end_session_endpoint);
    end.searchParams.set('id_token_hint', tokens.id_token as string);
    end.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:3000/');
    const question = await jar.fetch(end.href);
    const page = await question.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Voulez-vous vous déconnecter ?');
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page) as RegExpExecArray;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form[2])?.[1] as string;
    const confirmed = await jar.fetch(new URL(form[1], issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('http://127.0.0.1:3000/');
    await expect(refresh(issuer, tokens.refresh_token as string)).rejects.toThrow(/invalid_grant/);
  });

  it('gives services their own tokens (client credentials) with the integration role, and refuses a wrong secret', async () => {
    const { serviceClients } = loadIdentityConfig({ NODE_ENV: 'test' });
    const integration = serviceClients.find((c) => c.id === 'integration');
    const token = await serviceToken(issuer, 'integration', integration?.secret as string);
    const claims = await verify(token.access_token);
    expect(claims).toMatchObject({ sub: 'integration', client_id: 'integration', roles: ['integration'] });
    expect(claims.permissions).toBeUndefined();
    await expect(serviceToken(issuer, 'integration', 'not-the-secret-at-all')).rejects.toMatchObject({ status: 401 });
    // The API and the workers also act on Temporal: their tokens carry the namespace's write permission, no more.
    for (const id of ['api', 'worker']) {
      const client = serviceClients.find((c) => c.id === id);
      expect(await verify((await serviceToken(issuer, id, client?.secret as string)).access_token)).toMatchObject({
        sub: id,
        permissions: ['default:write'],
      });
    }
    // A person's client cannot use the grant.
    await expect(serviceToken(issuer, 'console', 'whatever-it-may-be')).rejects.toBeInstanceOf(SignInError);
  });

  it('refuses a wrong password, an unknown person and an inactive one, saying so beside the form, in French or English', async () => {
    for (const [login, password] of [
      ['coord-lavoie', 'not-the-password'],
      ['nobody-here', 'demo'],
      ['identity-inactive', 'demo'],
    ]) {
      await expect(asPerson(login, password)).rejects.toMatchObject({ status: 401 });
    }
    const page = async (headers: Record<string, string>, query = '') => {
      const url = new URL(endpoints.authorization_endpoint);
      const params = {
        client_id: 'console',
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...Object.fromEntries(new URLSearchParams(query)),
      };
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      const jar = new CookieJar();
      const interaction = new URL((await jar.fetch(url.href)).headers.get('location') as string, issuer).href;
      const form = await (await jar.fetch(interaction, { headers })).text();
      const refused = await jar.fetch(`${interaction}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'login=coord-lavoie&password=wrong',
      });
      return { form, refused: refused.status, error: await refused.text() };
    };
    const french = await page({});
    expect(french.form).toContain('<html lang="fr">');
    expect(french.form).toMatch(/<label for="login">Identifiant<\/label>/);
    expect(french.form).toMatch(/<label for="password">Mot de passe<\/label>/);
    expect(french.form).toContain('hreflang="en"');
    // Nothing loaded from elsewhere, no script.
    expect(french.form).not.toMatch(/<script|src=|@import|https?:\/\/(?!127\.0\.0\.1)/);
    expect(french.refused).toBe(401);
    expect(french.error).toContain('role="alert"');
    expect(french.error).toContain('Identifiant ou mot de passe incorrect');
    expect(french.error).toContain('value="coord-lavoie"');

    const english = await page({ 'accept-language': 'en-CA,en;q=0.9' });
    expect(english.form).toContain('<html lang="en">');
    expect(english.error).toContain('Wrong username or password');
    expect((await page({}, 'ui_locales=en')).form).toContain('<label for="login">Username</label>');
  });

  it('refuses to refresh for a person deactivated since they signed in', async () => {
    const tokens = await asPerson('identity-leaving');
    await db.getRepository(PersonEntity).update({ id: 'identity-leaving' }, { active: false });
    await expect(refresh(issuer, tokens.refresh_token as string)).rejects.toThrow(/invalid_grant/);
  });

  it('keeps its keys across a restart: a token signed before still verifies', async () => {
    const before = (await asPerson('coord-lavoie')).access_token;
    await provider.stop();
    provider = await start();
    expect(await verify(before)).toMatchObject({ sub: 'coord-lavoie' });
  });

  it('will not start in production on development defaults, and names every one', () => {
    expect(() => loadIdentityConfig({ NODE_ENV: 'production' })).toThrow(
      /IDENTITY_DEMO_PASSWORD: required in production[\s\S]*IDENTITY_TEMPORAL_UI_SECRET: required[\s\S]*IDENTITY_SERVICE_CLIENTS: required/,
    );
    expect(() => loadIdentityConfig({ NODE_ENV: 'production', IDENTITY_DEMO_PASSWORD: 'demo' })).toThrow(
      /IDENTITY_DEMO_PASSWORD: the development default/,
    );
    expect(() => loadIdentityConfig({ IDENTITY_SERVICE_CLIENTS: 'bot:short:admin', IDENTITY_PORT: 'x' })).toThrow(
      /IDENTITY_PORT=.*must be an integer[\s\S]*client bot: unknown role admin[\s\S]*client bot: the secret must be at least 16 characters/,
    );
    expect(() =>
      loadIdentityConfig({ IDENTITY_SERVICE_CLIENTS: 'bot:bot-secret-long-enough', IDENTITY_TEMPORAL_CLIENTS: 'bot,api' }),
    ).toThrow(/IDENTITY_TEMPORAL_CLIENTS: api not in IDENTITY_SERVICE_CLIENTS/);
    // Unset, it names the API and the worker only when they are service clients.
    expect(loadIdentityConfig({ IDENTITY_SERVICE_CLIENTS: 'bot:bot-secret-long-enough' }).temporalClients).toEqual([]);
  });
});
