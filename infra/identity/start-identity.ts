import { createServer } from 'node:http';
import { ConfigurationError } from '../../libs/config/src/app-config';
import { PeopleAccounts } from './accounts';
import { loadIdentityConfig } from './identity-config';
import { buildIdentityProvider } from './identity-provider';
import { interactionRoutes } from './interactions';
import { loadOrCreateProviderKeys } from './provider-keys';

/** The line a parent process waits for (npm run up, the test stack). */
export const READY_LINE = 'identity provider ready at';

/**
 * Runs the embedded OpenID Connect provider on loopback until SIGTERM or
 * SIGINT. `node dist/infra/identity/start-identity.js`; npm run up and the
 * test stack start it as a child process.
 */
async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const keys = await loadOrCreateProviderKeys(config.keysFile);
  const accounts = await PeopleAccounts.connect(config.databaseUrl, config.demoPassword);
  const provider = buildIdentityProvider(config, keys, accounts);
  const interactions = interactionRoutes(provider, accounts);
  const serveProtocol = provider.callback();
  provider.on('server_error', (_ctx, err) => process.stderr.write(`[identity] server error: ${err.message}\n`));

  const server = createServer((req, res) => {
    interactions(req, res)
      .then((handled) => (handled ? undefined : serveProtocol(req, res)))
      .catch((err: unknown) => {
        process.stderr.write(`[identity] ${err instanceof Error ? err.message : String(err)}\n`);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  // Loopback only: this provider is for development, tests and demos.
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, '127.0.0.1', resolve));
  process.stdout.write(`${READY_LINE} ${config.issuer} (port ${config.port})\n`);

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void accounts.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `[identity] ${err instanceof ConfigurationError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
