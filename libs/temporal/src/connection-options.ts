import { readFileSync } from 'fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '@lib/config';

/**
 * Address, TLS and API key for both the client's Connection and the worker's
 * NativeConnection (they take the same fields): a local server in plaintext, a
 * cluster with mTLS, or Temporal Cloud with an API key or a client certificate.
 * With client credentials (temporal.auth) the token is added by the caller; the SDK
 * would turn TLS on for it, so plaintext is said explicitly (`tls: false`) for a
 * cluster on loopback.
 */
export function temporalConnectionOptions(temporal: AppConfig['temporal']): {
  address: string;
  tls?: TLSConfig | false;
  apiKey?: string;
} {
  const { address, tls, apiKey, auth } = temporal;
  if (!tls) return auth ? { address, tls: false } : { address };
  const read = (file: string) => readFileSync(file);
  return {
    address,
    apiKey,
    tls: {
      serverNameOverride: tls.serverName,
      serverRootCACertificate: tls.serverCaCertPath ? read(tls.serverCaCertPath) : undefined,
      clientCertPair: tls.clientCertPath && tls.clientKeyPath ? { crt: read(tls.clientCertPath), key: read(tls.clientKeyPath) } : undefined,
    },
  };
}
