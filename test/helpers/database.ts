import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '../../infra/postgres/postgres-server';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';

/** The run's migrated database (from the global setup), for tests that read or write rows directly. */
export async function connectRunDatabase(): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest (npm test)');
  return new DataSource(dataSourceOptions(url, 4)).initialize();
}

/** A brand-new empty database on the run's server, dropped by the returned cleanup. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.DATABASE_URL as string);
  server.pathname = '';
  const name = `scratch_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await createDatabaseIfMissing(server.toString(), name);
  return { url: databaseUrl(server.toString(), name), drop: () => dropDatabase(server.toString(), name) };
}
