import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { BATCHED_PROJECTION_PATCH, SETTLED_BATCH_PATCH } from '@lib/contracts';
import { patchMarkers } from './history-markers';

/** A kind's recorded histories live in its folder: `workflows/<kind>/histories/`. */
export function historiesDir(kind: string): string {
  return join(__dirname, '..', '..', 'workflows', kind, 'histories');
}

/**
 * Saves a finished workflow's history under workflows/<kind>/histories/<name>.json
 * when RECORD_HISTORIES=1, for the replay test to run against today's code.
 * Normal runs leave the recorded files alone. A recorded file is never
 * overwritten: it is the only proof that participations of that shape, still
 * running somewhere, replay on today's code. A new shape is recorded under a
 * new name; a file is replaced only by deleting it first, in a commit that says why.
 */
export async function recordHistory(client: Client, workflowId: string, kind: string, name: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  // Each shape of the projection writes is kept beside the earlier ones, not instead.
  const writes = writeShapeOf(history);
  const shape = writes === 'single' ? name : `${name}-${writes}`;
  const dir = historiesDir(kind);
  const file = join(dir, `${shape}.json`);
  if (existsSync(file)) {
    process.stderr.write(`[histories] ${kind}/${shape}.json is already recorded: kept as it is\n`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const json = JSON.parse(historyToJSON(history)) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ workflowId, history: json }, null, 1)}\n`);
}

/** Records every run of a workflow that continued as new, oldest first: `<name>-run1.json`, `<name>-run2.json`… */
export async function recordAllRuns(client: Client, workflowId: string, kind: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const runs: Array<{ runId: string; startTime: Date }> = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runs.push({ runId: execution.runId, startTime: execution.startTime });
  }
  runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  for (const [i, run] of runs.entries()) await recordHistory(client, workflowId, kind, `${name}-run${i + 1}`, run.runId);
}

/** How a run writes its projection: one activity per write, batched, or batched once the workflow task settled. */
export type WriteShape = 'single' | 'batched' | 'settled';
export const WRITE_SHAPES: readonly WriteShape[] = ['single', 'batched', 'settled'];

/** The shape of the projection writes of the run a history records, from the patches it took. */
export function writeShapeOf(history: temporal.api.history.v1.IHistory): WriteShape {
  if (usesPatch(history, SETTLED_BATCH_PATCH)) return 'settled';
  return usesPatch(history, BATCHED_PROJECTION_PATCH) ? 'batched' : 'single';
}

/** Whether the history's run took the patch (a patch marker carries its id in its details). */
export function usesPatch(history: temporal.api.history.v1.IHistory, patchId: string): boolean {
  return patchMarkers(history).some((said) => (said as { id?: unknown }).id === patchId);
}
