import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchStack } from '../bench/bench-stack';
import { rssBytes } from '../bench/process-stats';
import type { Vitals } from './vitals-reporter';
import type { ProcessSample, Sample } from './verdict';

/** `bench-api` → `api`: the names the stack gives its processes (PGAPPNAME). */
const shortName = (name: string) => name.replace(/^bench-/, '');

/**
 * One sample of every process of the stack: the last line each Node process's
 * reporter wrote, the Temporal server's memory from /proc, and the database
 * connections each process holds (pg_stat_activity, by application_name).
 */
export async function sample(stack: BenchStack, vitalsDir: string): Promise<Sample> {
  const processes: Record<string, ProcessSample> = {};
  for (const file of readdirSync(vitalsDir).filter((f) => f.endsWith('.jsonl'))) {
    const lines = readFileSync(join(vitalsDir, file), 'utf8').trimEnd().split('\n');
    const last = JSON.parse(lines[lines.length - 1]) as Vitals;
    processes[shortName(last.name)] = {
      rssBytes: last.rssBytes,
      eventLoopDelayP99Ms: last.eventLoopDelayP99Ms,
      activeResources: last.activeResources,
    };
  }
  const temporalRss = rssBytes(stack.pids().temporal);
  if (temporalRss !== undefined) processes.temporal = { rssBytes: temporalRss };
  const { rows } = await stack.db.query<{ name: string; n: number }>(
    `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1`,
  );
  for (const row of rows) {
    const process = processes[shortName(row.name)];
    if (process) process.dbConnections = row.n;
  }
  return { at: Date.now(), processes };
}
