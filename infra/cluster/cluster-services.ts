import { ChildProcess, spawn } from 'child_process';
import { closeSync, mkdirSync, openSync } from 'fs';
import * as path from 'path';

/** The four services of a Temporal server; each one runs in a process of its own here. */
export const CLUSTER_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
/** With authorization on, a fifth: the frontend API for the cluster's own services, without token checks. */
export const INTERNAL_FRONTEND = 'internal-frontend';
export type ClusterService = (typeof CLUSTER_SERVICES)[number] | typeof INTERNAL_FRONTEND;

export interface ServiceProcess {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  readonly exited: Promise<string>;
}

/**
 * Starts one Temporal server service with the cluster's config (infra/cluster/config,
 * rendered from `env`). Output goes to <logDir>/<name>.log.
 */
export function startService(opts: {
  serverBinary: string;
  repoRoot: string;
  service: ClusterService;
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** The config authorizes calls from tokens (TEMPORAL_CLUSTER_JWKS_URL); otherwise the server must be told it runs without. */
  authorized: boolean;
}): ServiceProcess {
  const args = [
    '--root',
    opts.repoRoot,
    '--config',
    path.join('infra', 'cluster', 'config'),
    '--env',
    'cluster',
    // Without an authorizer the local cluster listens on loopback only; a production cluster sets one, and mTLS.
    ...(opts.authorized ? [] : ['--allow-no-auth']),
    'start',
    '--service',
    opts.service,
  ];
  return spawnLogged(opts.service, opts.serverBinary, args, opts.env, opts.logDir, opts.repoRoot);
}

export function spawnLogged(
  name: string,
  binary: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
  cwd: string,
): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const fd = openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(binary, args, { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd); // the child holds its own copy
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => resolve(code !== null ? `code ${code}` : `signal ${signal}`));
  });
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopProcess(service: ServiceProcess, graceMs = 15_000): Promise<void> {
  const { process: child } = service;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}
