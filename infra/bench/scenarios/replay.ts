import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowTracingSinks } from '../../../libs/telemetry/src';
import { repoRoot } from '../../temporal/dev-server';
import type { BenchContext } from '../context';
import { Progress } from '../progress';
import type { ScenarioResult } from '../results';

/**
 * Replays a sample of the run's participation histories against the bundle the
 * worker ran. A change made for speed must not make replay diverge: projection
 * writes as local activities measured four times less server work and failed
 * exactly here (README, Performance).
 */
export async function replayScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { sample } = ctx.options.replay;
  const { client, taskQueue } = ctx.stack;
  const ids: string[] = [];
  for await (const execution of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    ids.push(execution.workflowId);
  }
  const picked = shuffle(ids).slice(0, sample);
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed already
  }
  const progress = new Progress('replay: histories', picked.length);
  const failures: string[] = [];
  let nondeterministic = 0;
  try {
    const histories = picked.map(async (workflowId) => ({
      workflowId,
      history: await client.workflow.getHandle(workflowId).fetchHistory(),
    }));
    const results = Worker.runReplayHistories(
      { workflowBundle: { codePath: join(repoRoot(), 'dist', 'workflow-bundle.js') }, sinks: workflowTracingSinks() },
      toAsync(histories),
    );
    for await (const result of results) {
      if (result.error) {
        if (result.error.name === 'DeterminismViolationError') nondeterministic += 1;
        if (failures.length < 3) failures.push(`${result.workflowId}: ${result.error.message.slice(0, 200)}`);
      }
      progress.tick();
    }
  } finally {
    progress.stop();
  }
  return {
    name: 'replay',
    title: '6. Replay check',
    rows: [
      { metric: 'histories replayed', ours: picked.length },
      { metric: 'nondeterministic', ours: nondeterministic, target: '0', met: picked.length > 0 ? nondeterministic === 0 : null },
      { metric: 'other replay failures', ours: failures.length - Math.min(failures.length, nondeterministic) },
    ],
    notes: [
      `${picked.length} of the run's ${ids.length} participations, picked at random, replayed against dist/workflow-bundle.js.`,
      ...failures,
    ],
    details: { sample, available: ids.length, nondeterministic, failures },
  };
}

async function* toAsync<T>(items: Promise<T>[]): AsyncIterable<T> {
  for (const item of items) yield await item;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
