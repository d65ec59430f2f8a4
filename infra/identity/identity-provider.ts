import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { personProfile, personTokenClaims, type PeopleAccounts } from './accounts';
import { CONSOLE_CLIENT, identityClients, serviceTokenClaims, TEMPORAL_UI_CLIENT } from './clients';
import type { IdentityConfig } from './identity-config';
import { errorPage, loggedOutPage, logoutPage, pickLocale } from './login-page';
import type { ProviderKeys } from './provider-keys';

/** The only scope of the API as a resource server; its access tokens are JWTs for AUTH_AUDIENCE. */
const API_SCOPE = 'api';

/**
 * The embedded OpenID Connect provider (panva's certified oidc-provider):
 * authorization code with PKCE (S256) for the console, with the client secret for the Temporal UI,
 * rotating refresh tokens, RP-initiated logout, client credentials for
 * services. Every access token is an RS256 JWT for the API's audience
 * (resource indicators: the API at PUBLIC_BASE_URL is the default resource).
 */
export function buildIdentityProvider(config: IdentityConfig, keys: ProviderKeys, accounts: PeopleAccounts): Provider {
  const apiResource = config.publicBaseUrl;
  const ttl = config.accessTokenTtlSeconds;
  const locale = (ctx: KoaContextWithOIDC) => pickLocale(undefined, ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));

  const configuration: Configuration = {
    clients: identityClients(config),
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    async findAccount(_ctx, sub) {
      const person = await accounts.findActive(sub);
      if (!person) return undefined;
      return { accountId: person.id, claims: () => personProfile(person) };
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'locale'], email: ['email', 'email_verified'] },
    // The access token is for the API, not for userinfo: the ID token itself names the person.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    // PKCE for the console (a public client) and any other; the Temporal UI server, a confidential
    // client that authenticates with its secret, sends no code challenge (ui-server v2.42).
    pkce: { required: (_ctx, client) => client.clientId !== TEMPORAL_UI_CLIENT },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(locale(ctx), form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(locale(ctx));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: config.audience,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind === 'ClientCredentials') return serviceTokenClaims(config, token.clientId ?? '');
      if (!('accountId' in token) || typeof token.accountId !== 'string') return undefined;
      const person = await accounts.findActive(token.accountId);
      return person ? personTokenClaims(person, config.temporalNamespace) : undefined;
    },
    // Refresh tokens for the browser clients at every sign-in (no offline_access consent dance for first-party clients).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 8 * 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The console calls the token endpoint from its pages.
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === CONSOLE_CLIENT && config.consoleUrls.some((url) => new URL(url).origin === origin),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(locale(ctx), { ...out });
    },
  };
  return new Provider(config.issuer, configuration);
}
