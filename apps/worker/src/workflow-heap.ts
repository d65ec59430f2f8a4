import { setFlagsFromString } from 'node:v8';

/** A semi-space of the workflow thread's young generation, as Node 20 sizes it (the budget was measured there). */
export const WORKFLOW_SEMI_SPACE_MIB = 16;

/**
 * Caps the old-generation heap of every V8 isolate created from now on, which
 * is what the SDK's workflow thread is: call it before Worker.create. V8 reads
 * the flag when it creates an isolate, so the main thread keeps its own heap.
 * Without it the workflow thread sizes its heap from the machine (about 4 GiB
 * here), collects lazily, and the worker's memory follows the number open.
 */
export function capWorkflowThreadHeap(mib: number): void {
  if (!Number.isInteger(mib) || mib <= 0) throw new RangeError(`a workflow heap of ${mib} MiB`);
  setFlagsFromString(`--max-old-space-size=${mib}`);
  // The young generation is outside that cap: three semi-spaces, 48 MiB on Node 20
  // but 192 MiB on Node 24, which would eat the budget's fixed part. Node 20's size.
  setFlagsFromString(`--max-semi-space-size=${WORKFLOW_SEMI_SPACE_MIB}`);
}
