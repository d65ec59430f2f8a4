import { parseArgs } from 'node:util';
import { signIn, serviceToken } from '../identity/headless-sign-in';
import { loadIdentityConfig } from '../identity/identity-config';

/**
 * `npm run token -- <person id>`: signs the person in at the embedded
 * provider (authorization code + PKCE, the sign-in form posted with the demo
 * password, over HTTP) and prints their access token.
 * `npm run token -- --service integration`: a service's own token (client credentials).
 * It reads the provider's settings (IDENTITY_*, PUBLIC_BASE_URL) from the same environment.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { service: { type: 'string' } } });
  const config = loadIdentityConfig();
  if (values.service) {
    const client = config.serviceClients.find((c) => c.id === values.service);
    if (!client) throw new Error(`no service client ${values.service} (known: ${config.serviceClients.map((c) => c.id).join(', ')})`);
    process.stdout.write(`${(await serviceToken(config.issuer, client.id, client.secret)).access_token}\n`);
    return;
  }
  const login = positionals[0];
  if (!login) throw new Error('usage: npm run token -- <person id> | --service <client id>');
  const tokens = await signIn({
    issuer: config.issuer,
    login,
    password: config.demoPassword,
    redirectUri: `${config.publicBaseUrl}/auth/callback`,
  });
  process.stdout.write(`${tokens.access_token}\n`);
}

main().catch((err: unknown) => {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : undefined;
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause})` : ''}\n`);
  // Out of reach: most often the stack is not running.
  if (cause) process.stderr.write('Is the stack running (npm run up)? The token comes from its identity provider.\n');
  process.exit(1);
});
