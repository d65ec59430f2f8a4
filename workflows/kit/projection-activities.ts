import { proxyLocalActivities } from '@temporalio/workflow';
import type { ProjectionActivities } from './contracts';

/*
 * Projection writes are local activities: the worker runs them inside the
 * workflow task that decides them, so a launch, a phase change or a task
 * hand-over costs one workflow task instead of one more activity task (and
 * one more workflow task) each round trip through the server; the benchmark
 * (npm run bench) measured that at most of the server's CPU per participation.
 * They stay idempotent by step key, and a write that fails is retried: locally
 * at first, then with durable timers, until PostgreSQL answers again; an
 * outage delays a participation, it never loses a step.
 */
const baseOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

const plain = proxyLocalActivities<ProjectionActivities>(baseOptions);

/** The projection activities, with a summary shown on the activity in the Temporal UI when given. */
export function projections(summary?: string): ProjectionActivities {
  return summary ? proxyLocalActivities<ProjectionActivities>({ ...baseOptions, summary }) : plain;
}
