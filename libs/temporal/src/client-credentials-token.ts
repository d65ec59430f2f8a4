import type { TemporalAuthConfig } from '@lib/config';

/** What the token endpoint answers to a client-credentials request. */
interface TokenAnswer {
  access_token: string;
  expires_in?: number;
}

/** Renew when this share of the token's life has passed, so that no call goes out with an expired one. */
const RENEW_AT = 0.75;
/** After a failed request, try again after 1 s, doubling up to this. */
const MAX_RETRY_MS = 30_000;

/**
 * This process's access token at the OpenID Connect provider, for a Temporal
 * server that authorizes calls from JWT claims: obtained with the client
 * credentials, kept fresh in the background (renewed at three quarters of its
 * life, retried with backoff while the provider is away), handed to the
 * Temporal connections (`apiKey`). No token is logged.
 */
export class ClientCredentialsToken {
  private token = '';
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private tokenEndpoint?: string;
  private readonly listeners: Array<(token: string) => void> = [];
  private first?: Promise<string>;

  constructor(
    private readonly auth: TemporalAuthConfig,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** The current token; empty before the first one arrives (the call then goes out without one and is refused). */
  current(): string {
    return this.token;
  }

  /** Called with every new token after the first (the worker's NativeConnection takes it with setApiKey). */
  onRenewed(listener: (token: string) => void): void {
    this.listeners.push(listener);
  }

  /** Starts the renewals; resolves with the first token, retrying until the provider answers. */
  start(): Promise<string> {
    this.first ??= new Promise<string>((resolve) => {
      const attempt = (retryMs: number) => {
        if (this.stopped) return;
        this.fetchToken()
          .then((answer) => {
            const renewed = this.token !== '';
            this.token = answer.access_token;
            this.schedule(Math.max(1, answer.expires_in ?? 300) * 1000 * RENEW_AT, () => attempt(1000));
            if (renewed) for (const listener of this.listeners) listener(this.token);
            resolve(this.token);
          })
          .catch((err: unknown) => {
            this.onError(`no Temporal access token from ${this.auth.issuer} for ${this.auth.clientId}: ${(err as Error).message}`);
            this.schedule(retryMs, () => attempt(Math.min(retryMs * 2, MAX_RETRY_MS)));
          });
      };
      attempt(1000);
    });
    return this.first;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(ms: number, run: () => void): void {
    if (this.stopped) return;
    this.timer = setTimeout(run, ms);
    this.timer.unref();
  }

  private async fetchToken(): Promise<TokenAnswer> {
    this.tokenEndpoint ??= await discoverTokenEndpoint(this.auth.issuer);
    const basic = Buffer.from(`${encodeURIComponent(this.auth.clientId)}:${encodeURIComponent(this.auth.clientSecret)}`).toString('base64');
    const res = await fetch(this.tokenEndpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<TokenAnswer> & { error?: string };
    if (!res.ok || typeof body.access_token !== 'string')
      throw new Error(`token endpoint answered ${res.status} ${body.error ?? ''}`.trim());
    return { access_token: body.access_token, expires_in: body.expires_in };
  }
}

async function discoverTokenEndpoint(issuer: string): Promise<string> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`no discovery document (${res.status})`);
  const { token_endpoint: endpoint } = (await res.json()) as { token_endpoint?: string };
  if (!endpoint) throw new Error('the discovery document names no token endpoint');
  return endpoint;
}
