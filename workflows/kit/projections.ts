import { CancellationScope, proxyActivities } from '@temporalio/workflow';
import { PROJECTION_ACTIVITY_NAMES, type ProjectionActivities } from './contracts';

/*
 * Projection writes retry until PostgreSQL answers again: an outage delays a
 * participation, it never loses a step. Each write is idempotent by step key.
 */
const baseOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

/*
 * A write, once asked for, is carried through even if the step that asked is
 * cancelled meanwhile (a cancellation, an event that ends the step): a task
 * whose opening was cut off half-way would leave a row that nothing closes.
 */
function shielded(activities: ProjectionActivities): ProjectionActivities {
  const shield = (name: keyof ProjectionActivities) => (arg: never) =>
    CancellationScope.nonCancellable<unknown>(() => activities[name](arg));
  return Object.fromEntries(PROJECTION_ACTIVITY_NAMES.map((name) => [name, shield(name)])) as unknown as ProjectionActivities;
}

const plain = shielded(proxyActivities<ProjectionActivities>(baseOptions));

/** The projection activities, with a summary shown on the activity in the Temporal UI when given. */
export function projections(summary?: string): ProjectionActivities {
  return summary ? shielded(proxyActivities<ProjectionActivities>({ ...baseOptions, summary })) : plain;
}
