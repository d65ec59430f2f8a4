import type { AppConfig } from '@lib/config';

/** `GET /console/config.json`: what the browser needs to know from the server's configuration, and nothing secret. */
export interface ConsoleConfig {
  /** Where the API answers; the console is served by it, so usually its own origin. */
  apiBase: string;
  defaultLanguage: 'fr' | 'en';
  /** OpenID Connect sign-in (authorization code with PKCE); null issuer: no provider configured. */
  oidc: { issuer: string | null; clientId: string; redirectUri: string; postLogoutRedirectUri: string; scope: string };
  temporalUi: { baseUrl: string | null; namespace: string };
}

export function consoleConfig(config: AppConfig): ConsoleConfig {
  const base = config.publicBaseUrl;
  return {
    apiBase: base,
    defaultLanguage: 'fr',
    oidc: {
      issuer: config.auth.issuer ?? null,
      clientId: config.console.oidcClientId,
      redirectUri: `${base}/auth/callback`,
      postLogoutRedirectUri: `${base}/console/`,
      scope: 'openid profile offline_access',
    },
    temporalUi: { baseUrl: config.console.temporalUiUrl ?? null, namespace: config.temporal.namespace },
  };
}

/**
 * The console page's Content-Security-Policy: helmet's defaults, plus the
 * OpenID Connect issuer the page must reach (discovery, token, refresh).
 */
export function consoleContentSecurityPolicy(config: AppConfig): string {
  const issuerOrigin = config.auth.issuer && /^https?:\/\//.test(config.auth.issuer) ? new URL(config.auth.issuer).origin : '';
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${issuerOrigin ? ` ${issuerOrigin}` : ''}`,
  ].join('; ');
}
