import type { ClientMetadata } from 'oidc-provider';
import type { IdentityConfig } from './identity-config';

/** The client ids of the project's own browser applications. */
export const CONSOLE_CLIENT = 'console';
export const TEMPORAL_UI_CLIENT = 'temporal-ui';

/**
 * The clients this provider knows, all first-party: the console (a public
 * client: authorization code with PKCE, rotating refresh tokens), the Temporal
 * UI (confidential), and the services that sign in as themselves.
 */
export function identityClients(config: IdentityConfig): ClientMetadata[] {
  return [
    {
      client_id: CONSOLE_CLIENT,
      client_name: 'Console des participations',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: config.consoleUrls.map((url) => `${url}/auth/callback`),
      post_logout_redirect_uris: config.consoleUrls.flatMap((url) => [`${url}/`, `${url}/console/`]),
    },
    {
      client_id: TEMPORAL_UI_CLIENT,
      client_name: 'Temporal UI',
      client_secret: config.temporalUiSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${config.temporalUiUrl}/auth/sso/callback`],
      post_logout_redirect_uris: [`${config.temporalUiUrl}/`],
    },
    ...config.serviceClients.map((client): ClientMetadata => ({
      client_id: client.id,
      client_secret: client.secret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
  ];
}

/**
 * The claims of a service's client-credential token: its roles and, for the
 * services that run participations on Temporal (the API, the workers), the
 * permission the Temporal server's default claim mapper reads (`<namespace>:write`:
 * start, signal, update, poll; never administer the namespace).
 */
export function serviceTokenClaims(config: IdentityConfig, clientId: string): { roles: string[]; permissions?: string[] } {
  const roles = config.serviceClients.find((client) => client.id === clientId)?.roles ?? [];
  return config.temporalClients.includes(clientId) ? { roles, permissions: [`${config.temporalNamespace}:write`] } : { roles };
}
