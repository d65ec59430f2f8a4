import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '../api/types';

/**
 * How the console signs people in, behind one small interface: OpenID Connect
 * (authorization code with PKCE, refresh tokens, end-session) against the
 * configured issuer, the embedded provider in development, the ministry's in
 * production. Pages read `accessToken()` and nothing else.
 */
export interface Session {
  accessToken: () => string | null;
  /** Redirects to the provider; null when no issuer is configured. */
  readonly provider: { signIn: (returnTo: string) => Promise<void> } | null;
  /** Finishes the provider's redirect on /auth/callback; answers where to go back to. */
  completeSignIn: () => Promise<string>;
  signOut: () => Promise<void>;
  /** Called when the token changes (signed in, refreshed, signed out). */
  subscribe: (listener: () => void) => () => void;
}

export async function createSession(config: ConsoleConfig): Promise<Session> {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  let user: User | null = null;

  const manager = config.oidc.issuer
    ? new UserManager({
        authority: config.oidc.issuer,
        client_id: config.oidc.clientId,
        redirect_uri: config.oidc.redirectUri,
        post_logout_redirect_uri: config.oidc.postLogoutRedirectUri,
        response_type: 'code',
        scope: config.oidc.scope,
        // Access tokens are short-lived: the refresh token renews them before they expire.
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      })
    : null;
  if (manager) {
    user = await manager.getUser().catch(() => null);
    manager.events.addUserLoaded((loaded) => {
      user = loaded;
      changed();
    });
    manager.events.addUserUnloaded(() => {
      user = null;
      changed();
    });
  }

  return {
    accessToken: () => (user && !user.expired ? user.access_token : null),
    provider: manager ? { signIn: (returnTo) => manager.signinRedirect({ state: returnTo }) } : null,
    completeSignIn: async () => {
      if (!manager) return '/console/';
      user = await manager.signinRedirectCallback();
      changed();
      return typeof user.state === 'string' && user.state.startsWith('/console') ? user.state : '/console/';
    },
    signOut: async () => {
      if (manager && user) {
        await manager.signoutRedirect({ id_token_hint: user.id_token });
        return;
      }
      changed();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
