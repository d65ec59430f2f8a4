import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../context';
import { countUpdateRounds, type RoundTimes } from '../history-counts';
import { Progress } from '../progress';
import { ratePerSecond, summarize, type LatencySummary } from '../stats';
import type { MeanCounts } from '../task-counts';
import { benchIdleWorkflow, bumpUpdate, recordUpdate } from '../workflows/bare.workflow';

export interface BareMeasurement {
  update: LatencySummary;
  perSecond: number;
  errors: number;
  counts: MeanCounts & { missing: number; times: RoundTimes };
}

/** Bare Updates (`bare`: the handler returns at once; `floor`: it awaits one activity inserting one row), `concurrency` callers at once. */
export async function bareUpdates(
  ctx: BenchContext,
  tag: string,
  concurrency: number,
  size: number,
  kind: 'bare' | 'floor',
): Promise<BareMeasurement> {
  const update = kind === 'bare' ? bumpUpdate : recordUpdate;
  const { client, bareTaskQueue } = ctx.stack;
  const handles = await Promise.all(
    Array.from({ length: concurrency }, (_, slot) =>
      client.workflow.start(benchIdleWorkflow, {
        workflowId: `bench-${kind}/${ctx.runId}/${tag}-c${concurrency}/${slot}`,
        taskQueue: bareTaskQueue,
      }),
    ),
  );
  // One Update each first, so that every workflow has run its first task and sits in the worker's cache like ours.
  await Promise.all(handles.map((handle) => handle.executeUpdate(bumpUpdate, { args: [0] })));
  const latencies: number[] = [];
  let errors = 0;
  const progress = new Progress(`${tag} c=${concurrency}: ${kind} Updates`, concurrency * size);
  const started = performance.now();
  await Promise.all(
    handles.map(async (handle) => {
      for (let i = 0; i < size; i += 1) {
        const began = performance.now();
        try {
          await handle.executeUpdate(update, { args: [1] });
          latencies.push(performance.now() - began);
        } catch {
          errors += 1;
        }
        progress.tick();
      }
    }),
  );
  const elapsed = performance.now() - started;
  progress.stop();
  // The warm-up bump of each workflow comes first, so the last `size` rounds of the measured Update are the measured ones.
  const counts = await countUpdateRounds(
    client,
    handles.map((handle) => ({ workflowId: handle.workflowId, updateName: update.name, rounds: size })),
  );
  return { update: summarize(latencies), perSecond: ratePerSecond(latencies.length, elapsed), errors, counts };
}
