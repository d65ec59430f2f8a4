import type { Environment } from './environment';

/** This process's client credentials at the provider whose tokens the Temporal server accepts. */
export interface TemporalAuthConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The client credentials when set; `issuer` is the API's own issuer when TEMPORAL_AUTH_ISSUER is unset. */
export function temporalAuth(env: Environment, issuer: string | undefined): TemporalAuthConfig | undefined {
  if (!env.TEMPORAL_AUTH_CLIENT_ID || !env.TEMPORAL_AUTH_CLIENT_SECRET) return undefined;
  const tokenIssuer = env.TEMPORAL_AUTH_ISSUER ?? issuer;
  if (!tokenIssuer) return undefined;
  return { issuer: tokenIssuer.replace(/\/+$/, ''), clientId: env.TEMPORAL_AUTH_CLIENT_ID, clientSecret: env.TEMPORAL_AUTH_CLIENT_SECRET };
}

/** What class-validator cannot say about one field alone: the pair, the exclusion, the issuer. */
export function temporalAuthProblems(env: Environment, issuer: string | undefined): string[] {
  const problems: string[] = [];
  const id = env.TEMPORAL_AUTH_CLIENT_ID;
  const secret = env.TEMPORAL_AUTH_CLIENT_SECRET;
  if (Boolean(id) !== Boolean(secret)) {
    problems.push('TEMPORAL_AUTH_CLIENT_ID and TEMPORAL_AUTH_CLIENT_SECRET go together: set both or neither');
  }
  if (id && env.TEMPORAL_API_KEY) {
    problems.push('TEMPORAL_API_KEY and TEMPORAL_AUTH_CLIENT_ID: choose one way to authenticate to Temporal');
  }
  if (id && secret && !env.TEMPORAL_AUTH_ISSUER && !issuer) {
    problems.push('TEMPORAL_AUTH_ISSUER: required with TEMPORAL_AUTH_CLIENT_ID when AUTH_ISSUER is unset');
  }
  return problems;
}
