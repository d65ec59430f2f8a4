/* eslint-disable @typescript-eslint/no-require-imports -- the interceptors' modules are loaded only when tracing is on */
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, WorkerOptions } from '@temporalio/worker';
import { activeTelemetry } from './start-telemetry';

/** The Client's interceptors: a StartWorkflow (Update, Signal…) span, its context passed in the headers. */
export function clientTracingInterceptors(): WorkflowClientInterceptor[] {
  if (!activeTelemetry().enabled) return [];
  const { OpenTelemetryWorkflowClientInterceptor } =
    require('@temporalio/interceptors-opentelemetry/lib/client') as typeof import('@temporalio/interceptors-opentelemetry/lib/client');
  return [new OpenTelemetryWorkflowClientInterceptor()];
}

/** The worker's activity interceptors: a RunActivity span in the workflow's trace, its ids in activity logs. */
export function activityTracingInterceptors(): ActivityInterceptorsFactory[] {
  if (!activeTelemetry().enabled) return [];
  const worker =
    require('@temporalio/interceptors-opentelemetry/lib/worker') as typeof import('@temporalio/interceptors-opentelemetry/lib/worker');
  return [
    (ctx) => ({
      inbound: new worker.OpenTelemetryActivityInboundInterceptor(ctx),
      outbound: new worker.OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
  ];
}

/**
 * The `exporter` sink the workflow interceptors call with a traced run's spans
 * (RunWorkflow, StartActivity…). Without tracing it drops them: a run started by
 * a traced client calls it whatever this worker's configuration, and an
 * unregistered sink logs an error each time. Every worker and replayer that
 * loads the workflow bundle registers it.
 */
export function workflowTracingSinks(): NonNullable<WorkerOptions['sinks']> {
  const telemetry = activeTelemetry();
  if (!telemetry.enabled) return { exporter: { export: { fn: () => undefined, callDuringReplay: false } } };
  const { makeWorkflowExporter } =
    require('@temporalio/interceptors-opentelemetry/lib/worker') as typeof import('@temporalio/interceptors-opentelemetry/lib/worker');
  return { exporter: makeWorkflowExporter(telemetry.spanProcessor, telemetry.resource) };
}
