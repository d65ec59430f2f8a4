import { proxyActivities } from '@temporalio/workflow';
import type { ProjectionActivities } from './contracts';

/*
 * Projection writes retry until PostgreSQL answers again: an outage delays a
 * participation, it never loses a step. Each write is idempotent by step key.
 */
const baseOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

const plain = proxyActivities<ProjectionActivities>(baseOptions);

/** The projection activities, with a summary shown on the activity in the Temporal UI when given. */
export function projections(summary?: string): ProjectionActivities {
  return summary ? proxyActivities<ProjectionActivities>({ ...baseOptions, summary }) : plain;
}
