import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * The bench's stand-in for the ministry's OpenID Connect issuer: an RS256 key
 * pair, its public half served as a JWKS on loopback. The API runs as in
 * production (NODE_ENV=production, AUTH_ISSUER and AUTH_JWKS_URL), so the
 * figures include verifying a real signature on every request and finding the
 * caller in the people directory.
 */
export class BenchTokenIssuer {
  static readonly issuer = 'https://sso.bench.invalid';
  static readonly audience = 'participations-api';
  private readonly tokens = new Map<string, Promise<string>>();

  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
  ) {}

  static async start(): Promise<BenchTokenIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' } satisfies JWK] };
    const body = JSON.stringify(jwks);
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new BenchTokenIssuer(server, privateKey);
  }

  /** The API's environment for verifying these tokens. */
  get apiEnv(): Record<string, string> {
    const { port } = this.server.address() as AddressInfo;
    return {
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_ISSUER: BenchTokenIssuer.issuer,
      AUTH_AUDIENCE: BenchTokenIssuer.audience,
    };
  }

  /** A bearer token for `subject` with these roles, signed once per person for the whole run. */
  token(subject: string, roles: string[]): Promise<string> {
    const key = `${subject}:${roles.join(',')}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = new SignJWT({ roles })
        .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
        .setSubject(subject)
        .setIssuer(BenchTokenIssuer.issuer)
        .setAudience(BenchTokenIssuer.audience)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(this.privateKey);
      this.tokens.set(key, token);
    }
    return token;
  }

  /** A service's token, as client credentials give it: its subject is its own client id. */
  serviceToken(clientId: string, roles: string[]): Promise<string> {
    const key = `service:${clientId}:${roles.join(',')}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = new SignJWT({ roles, client_id: clientId })
        .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
        .setSubject(clientId)
        .setIssuer(BenchTokenIssuer.issuer)
        .setAudience(BenchTokenIssuer.audience)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(this.privateKey);
      this.tokens.set(key, token);
    }
    return token;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
