import { parseArgs } from 'node:util';
import { mintDevToken } from '../../apps/api/src/auth/dev-token';
import { devSecret } from './dev-secret';

/**
 * `npm run token -- <person id> [--roles coordinator,expert] [--ttl 8h]`: prints a
 * development bearer token for the local stack. Without --roles the API takes
 * the person's roles from the people table. It names AUTH_ISSUER and AUTH_AUDIENCE when they are set.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { roles: { type: 'string' }, ttl: { type: 'string', default: '8h' } },
  });
  const subject = positionals[0];
  if (!subject) throw new Error('usage: npm run token -- <person id> [--roles coordinator,expert] [--ttl 8h]');
  const roles = values.roles
    ?.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  // When the API expects an issuer and an audience (AUTH_ISSUER, AUTH_AUDIENCE), the token names them.
  const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = process.env;
  process.stdout.write(
    `${await mintDevToken(devSecret(), subject, { roles, ttl: values.ttl, issuer: issuer || undefined, audience: audience || undefined })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
