import { chmod, mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { freePort } from '../../test/helpers/free-port';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  PostgresServer,
  resolvePostgresServer,
  startEmbeddedPostgres,
} from './postgres-server';

// These tests use real servers: the one on 127.0.0.1:5432 and an embedded one.
const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432';

async function queryOne<T>(url: string, sql: string): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

describe('databaseUrl', () => {
  it('replaces the path and keeps credentials and query', () => {
    expect(databaseUrl('postgres://u:p%40ss@db.example:5433/old?sslmode=disable', 'app')).toBe(
      'postgres://u:p%40ss@db.example:5433/app?sslmode=disable',
    );
  });

  it('sets a path on a server-level URL and encodes the name', () => {
    expect(databaseUrl(LOCAL_URL, 'my db')).toBe(`${LOCAL_URL}/my%20db`);
  });
});

describe('resolvePostgresServer', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('uses DATABASE_URL without its database path when set', async () => {
    process.env.DATABASE_URL = 'postgres://app:secret@db.example:6543/appdb?sslmode=require';
    const server = await resolvePostgresServer();
    expect(server.source).toBe('env');
    expect(server.serverUrl).toBe('postgres://app:secret@db.example:6543?sslmode=require');
    await server.stop();
  });

  it('finds the local server on 127.0.0.1:5432 when DATABASE_URL is unset', async () => {
    delete process.env.DATABASE_URL;
    const server = await resolvePostgresServer();
    expect(server).toMatchObject({ source: 'local', serverUrl: LOCAL_URL });
    await server.stop();
  });
});

describe('createDatabaseIfMissing / dropDatabase', () => {
  const database = `pg_server_spec_${process.pid}_${Date.now()}`;
  let server: PostgresServer;
  beforeAll(async () => {
    server = await resolvePostgresServer();
  });
  afterAll(async () => {
    await dropDatabase(server.serverUrl, database);
    await server.stop();
  });

  it('creates once, is a no-op the second time, and drops', async () => {
    await createDatabaseIfMissing(server.serverUrl, database);
    await createDatabaseIfMissing(server.serverUrl, database);
    const url = databaseUrl(server.serverUrl, database);
    expect((await queryOne<{ db: string }>(url, 'SELECT current_database() AS db')).db).toBe(database);

    await dropDatabase(server.serverUrl, database);
    const exists = await queryOne<{ n: number }>(
      databaseUrl(server.serverUrl, 'postgres'),
      `SELECT count(*)::int AS n FROM pg_database WHERE datname = '${database}'`,
    );
    expect(exists.n).toBe(0);
  });
});

describe('startEmbeddedPostgres', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'embedded-pg-'));
    // mkdtemp makes it 0700; when we run as root, the postgres OS user must traverse it.
    await chmod(base, 0o755);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('initialises, starts, answers and stops; then restarts on the same data dir', async () => {
    const dataDir = path.join(base, 'nested', 'pgdata');
    const port = await freePort();
    const logs: string[] = [];
    const log = (msg: string): void => void logs.push(msg);

    const first = await startEmbeddedPostgres({ dataDir, port, log });
    expect(first).toMatchObject({ source: 'embedded', serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}` });
    const row = await queryOne<{ version: string }>(databaseUrl(first.serverUrl, 'postgres'), 'SELECT version()');
    expect(row.version).toMatch(/^PostgreSQL \d+/);
    await first.stop();
    await first.stop(); // idempotent
    expect(logs.join('\n')).toContain('Initialising and starting');

    // The second start must skip initdb (PG_VERSION exists) and reuse the cluster.
    const second = await startEmbeddedPostgres({ dataDir, port, log });
    try {
      await createDatabaseIfMissing(second.serverUrl, 'reused');
      const db = await queryOne<{ db: string }>(databaseUrl(second.serverUrl, 'reused'), 'SELECT current_database() AS db');
      expect(db.db).toBe('reused');
    } finally {
      await second.stop();
    }
    expect(logs.filter((l) => l.startsWith('Starting embedded PostgreSQL'))).toHaveLength(1);
  }, 180_000);
});
