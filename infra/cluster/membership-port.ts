import { createServer } from 'node:net';

/**
 * A free loopback port below 32768. Temporal stores each service's membership
 * port in a PostgreSQL smallint (cluster_membership.rpc_port), so the ephemeral
 * range that `freePort` draws from (32768 and up) makes the services exit at start.
 */
export async function freeMembershipPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
