import { CancellationScope, proxyActivities } from '@temporalio/workflow';
import type { ProjectionActivities } from './contracts';

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
  const shield =
    <K extends keyof ProjectionActivities>(name: K) =>
    (arg: Parameters<ProjectionActivities[K]>[0]) =>
      CancellationScope.nonCancellable(() => (activities[name] as (a: typeof arg) => Promise<void>)(arg));
  return {
    registerParticipation: shield('registerParticipation'),
    recordPhaseChange: shield('recordPhaseChange'),
    openTask: shield('openTask'),
    changeTask: shield('changeTask'),
    appendJournal: shield('appendJournal'),
    closeParticipation: shield('closeParticipation'),
  };
}

const plain = shielded(proxyActivities<ProjectionActivities>(baseOptions));

/** The projection activities, with a summary shown on the activity in the Temporal UI when given. */
export function projections(summary?: string): ProjectionActivities {
  return summary ? shielded(proxyActivities<ProjectionActivities>({ ...baseOptions, summary })) : plain;
}
