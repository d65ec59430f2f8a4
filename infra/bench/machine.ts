import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { repoRoot } from '../temporal/dev-server';

/** What the figures were measured on: cores, memory, versions, the commit, and the machine's load. */
export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  temporalCli: string;
  /** The dev server's version (the Temporal CLI's), or `not measured` when only the cluster ran. */
  temporalServer: string;
  /** The cluster's server version, when the bench ran against it (--config cluster or both). */
  clusterServer?: string;
  temporalSdk: string;
  postgres: string;
  gitCommit: string;
  gitDirty: boolean;
  loadAverageStart: string;
  loadAverageEnd?: string;
}

export async function describeMachine(cliPath: string, client: Client, db: Pool): Promise<MachineFacts> {
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      return 'unknown';
    }
  };
  const system = await client.workflowService.getSystemInfo({}).catch(() => undefined);
  const postgres = await db.query<{ version: string }>('SELECT version()').catch(() => undefined);
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
    temporalCli: run(cliPath, ['--version']).replace(/^temporal version /, ''),
    temporalServer: system?.serverVersion ?? 'unknown',
    temporalSdk: (JSON.parse(readFileSync(require.resolve('@temporalio/client/package.json'), 'utf8')) as { version: string }).version,
    postgres: postgres?.rows[0]?.version.split(' on ')[0] ?? 'unknown',
    gitCommit: run('git', ['rev-parse', '--short=12', 'HEAD']),
    gitDirty: run('git', ['status', '--porcelain']) !== '',
    loadAverageStart: loadavg()
      .map((v) => v.toFixed(2))
      .join(' '),
  };
}

export function loadAverage(): string {
  return loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
}
