import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, ConfigurationError, type AppConfig } from '@lib/config';

/**
 * Verifies bearer tokens with `jose`: against the OpenID Connect issuer's key
 * set (AUTH_JWKS_URL) in production, or the development secret (HS256) that
 * `npm run token` signs with. Signature, expiry, issuer and audience are checked.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { jwksUrl, devSecret } = config.auth;
    if (jwksUrl) {
      this.key = createRemoteJWKSet(new URL(jwksUrl));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    } else if (devSecret) {
      this.key = new TextEncoder().encode(devSecret);
      this.algorithms = ['HS256'];
    } else {
      throw new ConfigurationError(['AUTH_JWKS_URL or AUTH_DEV_SECRET: the API needs one to verify bearer tokens']);
    }
  }

  async verify(token: string): Promise<JWTPayload> {
    const { issuer, audience } = this.config.auth;
    const options = { algorithms: this.algorithms, issuer, audience, clockTolerance: 5 };
    const { payload } =
      typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options);
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
    return payload;
  }
}
