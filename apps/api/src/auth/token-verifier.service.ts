import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, ConfigurationError, type AppConfig } from '@lib/config';
import { ExpiringMemo } from '../common/expiring-memo';

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A verified token is checked again after this long, even if it expires later. */
const REMEMBER_MS = 5 * 60_000;
/** Verified tokens kept at most; the longest kept goes first. */
const REMEMBERED_MAX = 10_000;

/** The issuer's keys could not be had (discovery or key set out of reach): not the caller's fault. */
export class KeySetUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the issuer's key set is out of reach: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'KeySetUnavailableError';
  }
}

/**
 * Verifies bearer tokens with `jose` against the OpenID Connect issuer's key
 * set: AUTH_JWKS_URL, or the `jwks_uri` of the issuer's discovery document,
 * fetched on first use and again when a token names a key it does not know.
 * Signature, issuer, audience, expiry and subject are checked, with no clock
 * leeway unless AUTH_CLOCK_TOLERANCE gives some. A token that passed is
 * remembered until it expires (at most five minutes), so that a person's next
 * requests with it are not checked again.
 */
@Injectable()
export class TokenVerifier {
  private readonly issuer: string;
  private keySet?: Promise<JWTVerifyGetKey>;
  /** Tokens verified lately, with their claims, until they expire (see `remember`). */
  private readonly verified = new ExpiringMemo<JWTPayload>(REMEMBERED_MAX);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.auth.issuer) {
      throw new ConfigurationError(['AUTH_ISSUER: the API needs the OpenID Connect issuer whose access tokens it accepts']);
    }
    this.issuer = config.auth.issuer;
  }

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known) return known.value;
    const claims = await this.check(token);
    this.remember(token, claims);
    return claims;
  }

  /**
   * A person sends the same token with each request until it expires: its
   * signature, issuer and audience, once checked, hold for the token's life,
   * so its next requests skip the check. Its expiry still holds: a token is
   * kept until it expires (the clock tolerance included), at most
   * REMEMBER_MS, and a token never verified is never kept.
   */
  private remember(token: string, claims: JWTPayload): void {
    const expires = ((claims.exp as number) + this.config.auth.clockToleranceSeconds) * 1000;
    this.verified.set(token, claims, Math.min(expires, Date.now() + REMEMBER_MS));
  }

  private async check(token: string): Promise<JWTPayload> {
    const keys = await this.keys();
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: this.issuer,
        audience: this.config.auth.audience,
        clockTolerance: this.config.auth.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '')
        throw new errors.JWTClaimValidationFailed('token has no subject', payload, 'sub');
      return payload;
    } catch (err) {
      // jose's own errors are about the token; anything else (the key set's fetch) is about the issuer.
      if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout) && err.code !== 'ERR_JOSE_GENERIC') throw err;
      throw new KeySetUnavailableError(err);
    }
  }

  private keys(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.discoverKeySet().catch((err: unknown) => {
      // Tried again at the next request: the issuer may be starting.
      this.keySet = undefined;
      throw new KeySetUnavailableError(err);
    });
    return this.keySet;
  }

  private async discoverKeySet(): Promise<JWTVerifyGetKey> {
    let url = this.config.auth.jwksUrl;
    if (!url) {
      const discovery = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const res = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`${discovery} answered ${res.status}`);
      const { jwks_uri: jwksUri } = (await res.json()) as { jwks_uri?: unknown };
      if (typeof jwksUri !== 'string') throw new Error(`${discovery} names no jwks_uri`);
      url = jwksUri;
    }
    return createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }
}
