import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { PARTICIPATION_KINDS } from './registry-lookups';
import { workflowTracingSinks } from '../libs/telemetry/src';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { historiesDir, WRITE_SHAPES, writeShapeOf } from '../test/helpers/histories';
import { quietTemporalRuntime } from '../test/helpers/quiet-temporal';

/*
 * Every recorded history (workflows/<kind>/histories/*.json, written by the e2e
 * tests with RECORD_HISTORIES=1) is replayed against today's workflow bundle:
 * a change that would make a running participation take another path without
 * a patch fails here as a non-determinism error.
 */
describe('recorded workflow histories replay on today’s code', () => {
  const recorded = PARTICIPATION_KINDS.flatMap((kind) =>
    listJson(historiesDir(kind)).map((file) => ({ kind, file, ...readHistory(join(historiesDir(kind), file)) })),
  );

  it('cover every kind of participation', () => {
    const covered = new Set(recorded.map((r) => r.kind));
    expect(PARTICIPATION_KINDS.filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it('cover every kind in each shape of its writes: one per activity, batched, batched once the workflow task settled', () => {
    const kindsIn = (shape: string) =>
      new Set(recorded.filter((r) => writeShapeOf(historyFromJSON(r.history)) === shape).map((r) => r.kind));
    for (const shape of WRITE_SHAPES) {
      const covered = kindsIn(shape);
      expect({ shape, missing: PARTICIPATION_KINDS.filter((kind) => !covered.has(kind)) }).toEqual({ shape, missing: [] });
    }
  });

  it('replay without a non-determinism error', async () => {
    quietTemporalRuntime();
    const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
    if (!bundlePath) throw new Error('WORKFLOW_BUNDLE_PATH is not set: run the tests through jest (npm test)');
    const failures: string[] = [];
    const results = Worker.runReplayHistories(
      // The bundle holds the tracing interceptors; replay must go through them unchanged.
      { workflowBundle: { codePath: bundlePath }, sinks: workflowTracingSinks() },
      recorded.map(({ workflowId, history }) => ({ workflowId, history })),
    );
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(recorded.length);
  });
});

function listJson(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

function readHistory(path: string): { workflowId: string; history: unknown } {
  return JSON.parse(readFileSync(path, 'utf8')) as { workflowId: string; history: unknown };
}
