import { readFileSync } from 'fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '@lib/config';

/**
 * Address, TLS and API key for both the client's Connection and the worker's
 * NativeConnection (they take the same fields): a local server in plaintext, a
 * cluster with mTLS, or Temporal Cloud with an API key or a client certificate.
 */
export function temporalConnectionOptions(temporal: AppConfig['temporal']): { address: string; tls?: TLSConfig; apiKey?: string } {
  const { address, tls, apiKey } = temporal;
  if (!tls) return { address };
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
