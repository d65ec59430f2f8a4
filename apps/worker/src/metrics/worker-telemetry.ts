import type { TelemetryOptions } from '@temporalio/worker';

/**
 * The Temporal SDK's Prometheus exporter: the SDK's worker metrics (task
 * slots, schedule-to-start latency, polls, activity and workflow outcomes)
 * and the project's task counters, served at http://<address>/metrics.
 * Counters end in `_total` and durations are in seconds, as Prometheus expects.
 */
export function workerTelemetry(bindAddress?: string): TelemetryOptions | undefined {
  if (!bindAddress) return undefined;
  return {
    metrics: {
      prometheus: { bindAddress, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true },
    },
  };
}
