import { condition, defineSignal, defineUpdate, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';

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
/**
 * The floor of a launch that answers once its first row is committed: sent with
 * Update-with-Start, its handler awaits one local activity inserting one row, in
 * the workflow's first task, as our launch's registration does.
 */
export const registerUpdate = defineUpdate<number, [number]>('register');
export const finishSignal = defineSignal('finish');

/** The bare worker's one activity (infra/bench/bare-worker.ts). */
export interface FloorActivities {
  insertFloorRow(value: number): Promise<void>;
}

const { insertFloorRow } = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });
const local = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function benchIdleWorkflow(): Promise<number> {
  let count = 0;
  let finished = false;
  setHandler(bumpUpdate, (by) => (count += by));
  setHandler(recordUpdate, async (by) => {
    await insertFloorRow(by);
    return (count += by);
  });
  setHandler(registerUpdate, async (by) => {
    await local.insertFloorRow(by);
    return (count += by);
  });
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return count;
}
