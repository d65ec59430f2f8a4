import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { temporalConnectionOptions } from '../../temporal/src/connection-options';
import { ConfigurationError, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigurationError) return e.problems;
    throw e;
  }
  return [];
}

describe('Temporal connection settings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'temporal-tls-'));
  const cert = path.join(dir, 'client.pem');
  const key = path.join(dir, 'client.key');
  writeFileSync(cert, 'CERT');
  writeFileSync(key, 'KEY');

  it('is plaintext without TLS settings (a local server or cluster)', () => {
    const config = loadConfig({});
    expect(config.temporal.tls).toBeUndefined();
    expect(temporalConnectionOptions(config.temporal)).toEqual({ address: '127.0.0.1:7233' });
  });

  it('turns TLS on with an API key (Temporal Cloud) and passes the key', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'ns.acct', TEMPORAL_API_KEY: 'k' });
    const options = temporalConnectionOptions(config.temporal);
    expect(options).toMatchObject({ address: 'ns.acct.tmprl.cloud:7233', apiKey: 'k' });
    expect(options.tls).toBeDefined();
    expect((options.tls || undefined)?.clientCertPair).toBeUndefined();
  });

  it('reads an mTLS client certificate and key from their files', () => {
    const config = loadConfig({
      TEMPORAL_TLS_CLIENT_CERT_PATH: cert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      TEMPORAL_TLS_SERVER_NAME: 'frontend',
    });
    const options = temporalConnectionOptions(config.temporal);
    expect((options.tls || undefined)?.clientCertPair?.crt.toString()).toBe('CERT');
    expect((options.tls || undefined)?.clientCertPair?.key.toString()).toBe('KEY');
    expect((options.tls || undefined)?.serverNameOverride).toBe('frontend');
  });

  it('refuses half a certificate pair, two ways to authenticate, a missing file and credentials without TLS', () => {
    expect(problemsOf({ TEMPORAL_TLS_CLIENT_CERT_PATH: cert }).join('\n')).toContain('go together');
    expect(
      problemsOf({ TEMPORAL_TLS_CLIENT_CERT_PATH: cert, TEMPORAL_TLS_CLIENT_KEY_PATH: key, TEMPORAL_API_KEY: 'k' }).join('\n'),
    ).toContain('choose one');
    expect(problemsOf({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: path.join(dir, 'nope.pem') }).join('\n')).toContain('no such file');
    expect(problemsOf({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' }).join('\n')).toContain('only sent over TLS');
    // The key itself is never echoed.
    expect(problemsOf({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'secret-key-value' }).join('\n')).not.toContain('secret-key-value');
  });

  it('takes client credentials for a cluster that authorizes from JWT claims: plaintext on loopback, the API issuer by default', () => {
    const config = loadConfig({
      TEMPORAL_AUTH_CLIENT_ID: 'worker',
      TEMPORAL_AUTH_CLIENT_SECRET: 'worker-secret',
      AUTH_ISSUER: 'http://127.0.0.1:4999',
    });
    expect(config.temporal.auth).toEqual({ issuer: 'http://127.0.0.1:4999', clientId: 'worker', clientSecret: 'worker-secret' });
    // The SDK turns TLS on for a token unless told otherwise.
    expect(temporalConnectionOptions(config.temporal)).toEqual({ address: '127.0.0.1:7233', tls: false });
    const elsewhere = loadConfig({
      TEMPORAL_AUTH_CLIENT_ID: 'api',
      TEMPORAL_AUTH_CLIENT_SECRET: 's',
      TEMPORAL_AUTH_ISSUER: 'https://sso.example.org/',
    });
    expect(elsewhere.temporal.auth?.issuer).toBe('https://sso.example.org');
    expect(loadConfig({}).temporal.auth).toBeUndefined();
  });

  it('refuses half a pair of client credentials, credentials beside an API key, and no issuer in production', () => {
    expect(problemsOf({ TEMPORAL_AUTH_CLIENT_ID: 'api' }).join('\n')).toContain(
      'TEMPORAL_AUTH_CLIENT_ID and TEMPORAL_AUTH_CLIENT_SECRET go together',
    );
    const both = problemsOf({ TEMPORAL_AUTH_CLIENT_ID: 'api', TEMPORAL_AUTH_CLIENT_SECRET: 'very-secret-value', TEMPORAL_API_KEY: 'k' });
    expect(both.join('\n')).toContain('TEMPORAL_API_KEY and TEMPORAL_AUTH_CLIENT_ID: choose one');
    expect(both.join('\n')).not.toContain('very-secret-value');
    expect(problemsOf({ NODE_ENV: 'production', TEMPORAL_AUTH_CLIENT_ID: 'api', TEMPORAL_AUTH_CLIENT_SECRET: 's' }).join('\n')).toContain(
      'TEMPORAL_AUTH_ISSUER: required',
    );
  });

  it('reads the worker scaling knobs, and rejects nonsense', () => {
    const config = loadConfig({ WORKER_MAX_CONCURRENT_ACTIVITIES: '50', WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_HEALTH_PORT: '8080' });
    expect(config.worker).toEqual({
      maxConcurrentActivities: 50,
      memory: { budgetMiB: 1024, workflowHeapMiB: 384, maxCachedWorkflows: 0 },
      healthPort: 8080,
      maxConcurrentWorkflowTasks: undefined,
    });
    expect(problemsOf({ WORKER_MAX_CONCURRENT_ACTIVITIES: 'many', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toHaveLength(2);
  });
});
