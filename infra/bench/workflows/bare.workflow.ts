import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/*
 * The bare-Temporal reference: a workflow that does nothing but wait, and an
 * Update that answers at once. Our layer is measured against these, on the
 * same server in the same run. Not part of the production bundle.
 */

export const bumpUpdate = defineUpdate<number, [number]>('bump');
/**
 * The floor of a hand-over whose projection is written through an activity: an
 * Update whose handler awaits one activity that inserts one PostgreSQL row.
 */
export const recordUpdate = defineUpdate<number, [number]>('record');
export const finishSignal = defineSignal('finish');

/** The bare worker's one activity (infra/bench/bare-worker.ts). */
export interface FloorActivities {
  insertFloorRow(value: number): Promise<void>;
}

const { insertFloorRow } = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function benchIdleWorkflow(): Promise<number> {
  let count = 0;
  let finished = false;
  setHandler(bumpUpdate, (by) => (count += by));
  setHandler(recordUpdate, async (by) => {
    await insertFloorRow(by);
    return (count += by);
  });
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return count;
}
