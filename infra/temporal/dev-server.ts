import { spawn } from 'child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'fs';
import { createConnection } from 'net';
import * as path from 'path';
import { Connection } from '@temporalio/client';
import { searchAttributeCliArgs } from '../../libs/contracts/src/participation/search-attributes';
import { freePort } from '../net/free-port';
import { stopChild } from '../process/stop-child';

export interface DevServerOptions {
  cliPath: string;
  /** Interface the gRPC frontend and UI bind to; loopback keeps the unauthenticated dev server private. */
  ip?: string;
  port?: number;
  uiPort?: number;
  /** SQLite file holding all server state; defaults to <repo>/.data/temporal/temporal.db (git-ignored). */
  dbFilename?: string;
  namespace?: string;
  /** Where the server's stdout/stderr go; without it only the last lines are kept for error messages. */
  logFile?: string;
  headless?: boolean;
  uiCodecEndpoint?: string;
}

export interface RunningDevServer {
  /** host:port of the gRPC frontend */
  address: string;
  uiUrl?: string;
  pid?: number;
  /** true when a server already answered at the address; stop() then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

const DEFAULTS = { ip: '127.0.0.1', port: 7233, uiPort: 8233, namespace: 'default' };
const START_TIMEOUT_MS = 30_000;
const RETRY_MS = 250;
const KILL_AFTER_MS = 10_000;
const LOG_TAIL_CHARS = 4_000;

// temporal.api.enums.v1.IndexedValueType numbers, keyed by the CLI's type names.
const INDEXED_VALUE_TYPE: Record<string, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

export function devServerArgs(opts: DevServerOptions): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    opts.ip ?? DEFAULTS.ip,
    '--port',
    String(opts.port ?? DEFAULTS.port),
    '--db-filename',
    opts.dbFilename ?? defaultDbFilename(),
    '--namespace',
    opts.namespace ?? DEFAULTS.namespace,
  ];
  if (opts.headless) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort ?? DEFAULTS.uiPort));
  if (opts.uiCodecEndpoint) args.push('--ui-codec-endpoint', opts.uiCodecEndpoint);
  for (const pair of searchAttributeCliArgs()) args.push('--search-attribute', pair);
  // SQLite's default rollback journal syncs the disk several times per write; with a
  // write-ahead log synced at checkpoints the server does several times more work per
  // second (npm run bench), and a crash of the server process still loses nothing committed.
  args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  args.push('--log-level', 'warn');
  return args;
}

export async function waitForTemporal(address: string, timeoutMs: number): Promise<void> {
  await retryUntil(timeoutMs, () => probe(address), `Temporal at ${address}`);
}

/**
 * A dev server that retries a start the CLI itself spoils. The CLI picks its other
 * ports (HTTP API, internal services) itself, and now and then picks the gRPC port we
 * chose before the server has bound it, or one another process takes in between: the
 * server then exits at once, and the start is tried again. Without `port`, each try
 * takes a loopback port nobody uses; with one (a restart that clients must find at the
 * same address), each try keeps it and only the CLI's own picks change.
 */
export async function startDevServerRetrying(opts: DevServerOptions, attempts = 3): Promise<RunningDevServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startDevServer({ ...opts, port: opts.port ?? (await freePort()) });
    } catch (err) {
      if (attempt >= attempts || !/before answering/.test((err as Error).message)) throw err;
    }
  }
}

export async function startDevServer(opts: DevServerOptions): Promise<RunningDevServer> {
  const address = `${connectHost(opts.ip ?? DEFAULTS.ip)}:${opts.port ?? DEFAULTS.port}`;
  const namespace = opts.namespace ?? DEFAULTS.namespace;
  const uiUrl = opts.headless ? undefined : `http://${connectHost(opts.ip ?? DEFAULTS.ip)}:${opts.uiPort ?? DEFAULTS.uiPort}`;

  if (await answers(address)) {
    await ensureSearchAttributes(address, namespace).catch((err: Error) => {
      throw new Error(
        `A Temporal server already answers at ${address}, but registering search attributes in namespace ${namespace} failed: ${err.message}`,
      );
    });
    return { address, uiUrl, reused: true, stop: () => Promise.resolve() };
  }

  const dbFilename = opts.dbFilename ?? defaultDbFilename();
  mkdirSync(path.dirname(dbFilename), { recursive: true });
  const child = spawnServer(opts.cliPath, devServerArgs({ ...opts, dbFilename }), opts.logFile);
  const stop = () => stopChild(child.process, KILL_AFTER_MS);
  // A dev server outliving the process that started it would hold the port and the db file.
  const killOnExit = () => child.process.kill('SIGTERM');
  process.once('exit', killOnExit);

  try {
    await retryUntil(
      START_TIMEOUT_MS,
      () => probe(address),
      'the server',
      () => {
        // No point waiting out the timeout for a server that is gone (port taken, bad flag, db locked).
        if (child.exitStatus() !== undefined) throw new Error(`exited (${child.exitStatus()}) before answering`);
      },
    );
    // The dev server only registers --search-attribute in namespaces it creates, so an
    // existing db file would miss attributes added to the contracts since: check every time.
    await retryUntil(
      START_TIMEOUT_MS,
      () => ensureSearchAttributes(address, namespace),
      'the search attributes',
      () => {
        if (child.exitStatus() !== undefined) throw new Error(`exited (${child.exitStatus()})`);
      },
    );
  } catch (err) {
    await stop();
    process.removeListener('exit', killOnExit);
    throw new Error(
      `Temporal dev server (${opts.cliPath}) failed to start at ${address}: ${(err as Error).message}\n` +
        (opts.logFile ? `See the log: ${opts.logFile}` : `Last output:\n${child.tail()}`),
      { cause: err },
    );
  }

  return {
    address,
    uiUrl,
    pid: child.process.pid,
    reused: false,
    stop: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
    },
  };
}

/**
 * Registers the participation search attributes missing from the namespace; fails on a type clash.
 * The dev server and the cluster (infra/cluster) both go through here.
 */
export async function ensureSearchAttributes(address: string, namespace: string): Promise<void> {
  const wanted = new Map(
    searchAttributeCliArgs().map((pair) => {
      const [name, type] = pair.split('=');
      return [name, { type, code: INDEXED_VALUE_TYPE[type] }] as const;
    }),
  );
  const connection = await shortLivedConnection(address, 10_000);
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const existing = customAttributes ?? {};
    const missing: Record<string, number> = {};
    for (const [name, { type, code }] of wanted) {
      if (existing[name] === undefined) missing[name] = code;
      else if ((existing[name] as number) !== code) {
        throw new Error(`search attribute ${name} exists in namespace ${namespace} with another type than ${type}`);
      }
    }
    if (Object.keys(missing).length > 0) {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    }
  } finally {
    await connection.close();
  }
}

function spawnServer(cliPath: string, args: string[], logFile?: string) {
  let output = '';
  let fd: number | undefined;
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    fd = openSync(logFile, 'a');
  }
  const proc = spawn(cliPath, args, { stdio: ['ignore', fd ?? 'pipe', fd ?? 'pipe'] });
  if (fd !== undefined) closeSync(fd); // the child holds its own copy
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-LOG_TAIL_CHARS);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let status: string | undefined;
  proc.on('error', (err) => (status ??= err.message)); // e.g. ENOENT for a wrong cliPath
  proc.once('exit', (code, signal) => (status ??= code !== null ? `code ${code}` : `signal ${signal}`));
  return { process: proc, exitStatus: () => status, tail: () => output };
}

async function probe(address: string): Promise<void> {
  // gRPC keeps retrying a refused port until its deadline; a plain TCP dial fails at once.
  await tcpConnect(address);
  // Connection.connect() already calls GetSystemInfo, so success means the frontend serves requests.
  const connection = await shortLivedConnection(address, 1_000);
  await connection.close();
}

/**
 * A connection opened for a call or two, then closed. Without the SDK's retry
 * interceptor: it schedules retries on timers that close() does not clear, and
 * one firing after close throws "Channel has been shut down" out of a timer,
 * past any try/catch (seen when the faults suite restarts the server). The
 * callers retry themselves (retryUntil).
 */
function shortLivedConnection(address: string, connectTimeout: number): Promise<Connection> {
  return Connection.connect({ address, connectTimeout, interceptors: [] });
}

function tcpConnect(address: string): Promise<void> {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port: Number(address.slice(colon + 1)), timeout: 1_000 });
    socket.once('connect', () => socket.end(resolve));
    socket.once('timeout', () => socket.destroy(new Error(`TCP connect to ${address} timed out`)));
    socket.once('error', reject);
  });
}

async function answers(address: string): Promise<boolean> {
  try {
    await probe(address);
    return true;
  } catch {
    return false;
  }
}

/** Calls `attempt` every quarter second until it resolves, or fails with its last error after `timeoutMs`. */
export async function retryUntil(
  timeoutMs: number,
  attempt: () => Promise<void>,
  what: string,
  giveUpIf: () => void = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    giveUpIf();
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() + RETRY_MS > deadline) {
        throw new Error(`${what} did not answer within ${timeoutMs} ms (last error: ${(err as Error).message})`, { cause: err });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Clients cannot dial the wildcard address the server may bind to. */
function connectHost(ip: string): string {
  return ip === '0.0.0.0' ? '127.0.0.1' : ip === '::' ? '[::1]' : ip.includes(':') ? `[${ip}]` : ip;
}

/** Where the dev server of `npm run up` keeps its state (TEMPORAL_DB_FILE overrides it). */
export function defaultDbFilename(): string {
  return path.join(repoRoot(), '.data', 'temporal', 'temporal.db');
}

/** Nearest folder with a package.json: the same answer from infra/temporal and dist/infra/temporal. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
