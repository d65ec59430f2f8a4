import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { serviceToken, signIn, type TokenSet } from '../../infra/identity/headless-sign-in';
import { loadIdentityConfig } from '../../infra/identity/identity-config';
import { readSigningKey } from '../../infra/identity/provider-keys';

/*
 * Tokens of the run's identity provider (started by the global setup): a
 * person's by the real sign-in (authorization code + PKCE, the demo
 * password), a service's by client credentials; and, for the tests of bad
 * credentials, tokens signed with the provider's own private key (read from
 * its keys file) or with a key of no one's.
 */

/** The provider's settings, read from the environment the global setup exported, as `npm run token` reads them. */
export function identity() {
  return loadIdentityConfig(process.env);
}

/** A person's whole token set (access, refresh and ID tokens), from the provider's sign-in form. */
export async function signInAs(personId: string): Promise<TokenSet> {
  const config = identity();
  return signIn({
    issuer: config.issuer,
    login: personId,
    password: config.demoPassword,
    redirectUri: `${config.publicBaseUrl}/auth/callback`,
  });
}

/** A service client's own access token (client credentials); `integration` by default. */
export async function serviceAccessToken(clientId = 'integration'): Promise<string> {
  const config = identity();
  const client = config.serviceClients.find((c) => c.id === clientId);
  if (!client) throw new Error(`no service client ${clientId} on the test provider`);
  return (await serviceToken(config.issuer, client.id, client.secret)).access_token;
}

/** A token counts as fresh while it has this much life left: enough for one test's requests. */
const FRESH_FOR_MS = 3 * 60_000;

/**
 * Access tokens of people, kept for the whole run in the run's folder (every
 * test file and Jest worker reads the same), fetched again when nearly expired.
 */
export class PersonTokens {
  private readonly tokens = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string>>();
  private readonly file = process.env.TEST_RUN_DIR ? join(process.env.TEST_RUN_DIR, 'person-tokens.json') : undefined;

  /** Tokens of these people, from the run's cache or the provider. */
  async prefetch(ids: string[]): Promise<void> {
    this.readCache();
    const missing = ids.filter((id) => !this.fresh(id));
    for (let i = 0; i < missing.length; i += 4) await Promise.all(missing.slice(i, i + 4).map((id) => this.get(id)));
    if (missing.length > 0) this.writeCache();
  }

  /** A token still fresh, or undefined (then `get` it). */
  fresh(id: string): string | undefined {
    const token = this.tokens.get(id);
    return token && (decodeJwt(token).exp ?? 0) * 1000 - Date.now() > FRESH_FOR_MS ? token : undefined;
  }

  get(id: string): Promise<string> {
    const fresh = this.fresh(id);
    if (fresh) return Promise.resolve(fresh);
    let pending = this.pending.get(id);
    if (!pending) {
      pending = signInAs(id)
        .then(({ access_token }) => {
          this.tokens.set(id, access_token);
          return access_token;
        })
        .catch((err: unknown) => {
          throw new Error(
            `no token for ${id}: ${(err as Error).message} (is ${id} an active person of the demo cast, or added with stack.addPeople?)`,
          );
        })
        .finally(() => this.pending.delete(id));
      this.pending.set(id, pending);
    }
    return pending;
  }

  private readCache(): void {
    if (!this.file || !existsSync(this.file)) return;
    const cached = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    for (const [id, token] of Object.entries(cached)) if (!this.fresh(id)) this.tokens.set(id, token);
  }

  private writeCache(): void {
    if (!this.file) return;
    // Whole or not at all: two Jest workers may write it at once.
    const partial = `${this.file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(Object.fromEntries(this.tokens)));
    renameSync(partial, this.file);
  }
}

/** Claims like the provider's own for `subject`, valid for an hour, for the API's issuer and audience. */
export function providerClaims(subject: string, more: JWTPayload = {}): JWTPayload {
  const config = identity();
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: config.issuer,
    aud: config.audience,
    sub: subject,
    client_id: 'console',
    iat: now,
    exp: now + 3600,
    jti: randomBytes(12).toString('base64url'),
    ...more,
  };
}

/** Signed with the provider's own private key: only what the claims say can make the API refuse it. */
export async function signAsProvider(claims: JWTPayload): Promise<string> {
  const jwk = readSigningKey(identity().keysFile);
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'at+jwt' }).sign(await importJWK(jwk, 'RS256'));
}

/** Signed with a key of no one's, under the provider's key id. */
export async function signWithForeignKey(claims: JWTPayload): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const kid = readSigningKey(identity().keysFile).kid;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' }).sign(privateKey);
}

/** `alg: none`: claims and no signature at all. */
export function unsignedToken(claims: JWTPayload): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims)}.`;
}
