import { parseArgs } from 'node:util';
import { mintDevToken } from '../../apps/api/src/auth/dev-token';
import { devSecret } from './dev-secret';

/**
 * `npm run token -- <person id> [--roles coordinator,expert] [--ttl 8h]`: prints a
 * development bearer token for the local stack. Without --roles the API takes
 * the person's roles from the people table.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { roles: { type: 'string' }, ttl: { type: 'string', default: '8h' } },
  });
  const subject = positionals[0];
  if (!subject) throw new Error('usage: npm run token -- <person id> [--roles coordinator,expert] [--ttl 8h]');
  const roles = values.roles?.split(',').map((r) => r.trim()).filter(Boolean);
  process.stdout.write(`${await mintDevToken(devSecret(), subject, { roles, ttl: values.ttl })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
