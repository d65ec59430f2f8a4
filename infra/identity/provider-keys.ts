import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** What the provider keeps between starts: its RS256 signing key (private JWK) and the keys of its cookies. */
export interface ProviderKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

/**
 * Reads the keys file, or makes it on first start, so that tokens and
 * sessions outlive a restart. Written whole under another name then renamed,
 * readable by its owner only: it holds a private key.
 */
export async function loadOrCreateProviderKeys(file: string): Promise<ProviderKeys> {
  if (existsSync(file)) {
    const keys = JSON.parse(readFileSync(file, 'utf8')) as ProviderKeys;
    if (!Array.isArray(keys.jwks?.keys) || keys.jwks.keys.length === 0 || !Array.isArray(keys.cookieKeys)) {
      throw new Error(`${file} is not a keys file of this provider: remove it to make a new one`);
    }
    return keys;
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const keys: ProviderKeys = {
    jwks: { keys: [{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(keys, null, 2), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
  return keys;
}

/** The signing key as the provider's private JWK, for tools that must sign as it (tests of bad tokens). */
export function readSigningKey(file: string): JWK {
  const keys = JSON.parse(readFileSync(file, 'utf8')) as ProviderKeys;
  return keys.jwks.keys[0];
}
