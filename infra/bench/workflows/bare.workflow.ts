import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/*
 * The bare-Temporal reference: a workflow that does nothing but wait, and an
 * Update that answers at once. Our layer is measured against these, on the
 * same server in the same run. Not part of the production bundle.
 */

export const bumpUpdate = defineUpdate<number, [number]>('bump');
export const finishSignal = defineSignal('finish');

export async function benchIdleWorkflow(): Promise<number> {
  let count = 0;
  let finished = false;
  setHandler(bumpUpdate, (by) => (count += by));
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return count;
}
