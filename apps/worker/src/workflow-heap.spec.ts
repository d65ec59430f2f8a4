import { once } from 'node:events';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { capWorkflowThreadHeap, WORKFLOW_SEMI_SPACE_MIB } from './workflow-heap';

/** The heap limit of this thread, in MiB (old generation plus the young one). */
function heapLimitMiB(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 1048576);
}

/** The heap limit a new thread reports, as the SDK's workflow thread would see it. */
async function threadHeapLimitMiB(): Promise<number> {
  const thread = new Worker(
    "const v8 = require('node:v8'); require('node:worker_threads').parentPort.postMessage(v8.getHeapStatistics().heap_size_limit / 1048576)",
    { eval: true },
  );
  const [limit] = (await once(thread, 'message')) as [number];
  await thread.terminate();
  return limit;
}

describe('capWorkflowThreadHeap', () => {
  it('caps the heap of the threads created afterwards, not the running one', async () => {
    const mainBefore = heapLimitMiB();
    const before = await threadHeapLimitMiB();
    expect(before).toBeGreaterThan(400);
    capWorkflowThreadHeap(160);
    const after = await threadHeapLimitMiB();
    // The limit covers the young generation too: three semi-spaces of 16 MiB, on Node 20 and 24 alike
    // (Node 24 would give 192 MiB: 352 here before the semi-space was set).
    expect(after).toBeGreaterThanOrEqual(160);
    expect(after).toBeLessThanOrEqual(160 + 3 * WORKFLOW_SEMI_SPACE_MIB);
    expect(heapLimitMiB()).toBe(mainBefore);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => capWorkflowThreadHeap(0)).toThrow(RangeError);
    expect(() => capWorkflowThreadHeap(1.5)).toThrow(RangeError);
  });
});
