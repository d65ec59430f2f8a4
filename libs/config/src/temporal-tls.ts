import { existsSync } from 'fs';
import type { Environment } from './environment';

/** TLS to the Temporal frontend, as file paths; the connection reads them (libs/temporal). */
export interface TemporalTlsConfig {
  clientCertPath?: string;
  clientKeyPath?: string;
  serverCaCertPath?: string;
  serverName?: string;
}

/** TLS settings from the environment, or undefined for plaintext (a local server or cluster). */
export function temporalTls(env: Environment): TemporalTlsConfig | undefined {
  const anyTlsSetting = env.TEMPORAL_TLS_CLIENT_CERT_PATH || env.TEMPORAL_TLS_SERVER_CA_CERT_PATH || env.TEMPORAL_TLS_SERVER_NAME;
  const wanted = env.TEMPORAL_TLS === 'true' || (env.TEMPORAL_TLS !== 'false' && (env.TEMPORAL_API_KEY || anyTlsSetting));
  if (!wanted) return undefined;
  return {
    clientCertPath: env.TEMPORAL_TLS_CLIENT_CERT_PATH,
    clientKeyPath: env.TEMPORAL_TLS_CLIENT_KEY_PATH,
    serverCaCertPath: env.TEMPORAL_TLS_SERVER_CA_CERT_PATH,
    serverName: env.TEMPORAL_TLS_SERVER_NAME,
  };
}

/** What class-validator cannot say about one field alone: pairs, exclusions, and missing files. */
export function temporalTlsProblems(env: Environment): string[] {
  const problems: string[] = [];
  const cert = env.TEMPORAL_TLS_CLIENT_CERT_PATH;
  const key = env.TEMPORAL_TLS_CLIENT_KEY_PATH;
  if (Boolean(cert) !== Boolean(key)) {
    problems.push('TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH go together: set both or neither');
  }
  if (env.TEMPORAL_API_KEY && cert) {
    problems.push('TEMPORAL_API_KEY and TEMPORAL_TLS_CLIENT_CERT_PATH: choose one way to authenticate to Temporal');
  }
  if (env.TEMPORAL_TLS === 'false' && (env.TEMPORAL_API_KEY || cert)) {
    problems.push('TEMPORAL_TLS=false: an API key or a client certificate is only sent over TLS');
  }
  for (const name of ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'] as const) {
    const file = env[name];
    if (file && !existsSync(file)) problems.push(`${name}=${JSON.stringify(file)}: no such file`);
  }
  return problems;
}
