import type { WorkflowInboundCallsInterceptor, WorkflowInterceptorsFactory, WorkflowOutboundCallsInterceptor } from '@temporalio/workflow';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

/** The header in which Temporal's OpenTelemetry interceptors carry the caller's span context. */
const TRACE_HEADER = '_tracer-data';

/**
 * Temporal's OpenTelemetry workflow interceptors, applied only where a traced
 * caller asked for them: a run whose start carries a span context is traced
 * (RunWorkflow, StartActivity… spans), a signal, update or query is traced when
 * its own headers carry one. Everything else goes straight to `next`, not even
 * through an extra await, so that:
 * - recorded histories (started without tracing) replay exactly as before: the
 *   interceptors' awaits would otherwise move commands (an update's activity
 *   scheduled one turn later: a non-determinism error);
 * - with tracing off, workflows pay nothing;
 * - the decision rests on headers written in the history, so a replay always
 *   takes it again the same way, whatever the worker's configuration.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  const inbound = new OpenTelemetryInboundInterceptor();
  const outbound = new OpenTelemetryOutboundInterceptor();
  let traced = false;
  const carries = (headers: Record<string, unknown>) => TRACE_HEADER in headers;

  const inboundCalls: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      traced = carries(input.headers);
      return traced ? inbound.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (carries(input.headers) ? inbound.handleSignal(input, next) : next(input)),
    handleUpdate: (input, next) => (carries(input.headers) ? inbound.handleUpdate(input, next) : next(input)),
    validateUpdate: (input, next) => (carries(input.headers) ? inbound.validateUpdate(input, next) : next(input)),
    handleQuery: (input, next) => (carries(input.headers) ? inbound.handleQuery(input, next) : next(input)),
  };
  const outboundCalls: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (traced ? outbound.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (traced ? outbound.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) => (traced ? outbound.startChildWorkflowExecution(input, next) : next(input)),
    signalWorkflow: (input, next) => (traced ? outbound.signalWorkflow(input, next) : next(input)),
    continueAsNew: (input, next) => (traced ? outbound.continueAsNew(input, next) : next(input)),
    getLogAttributes: (input, next) => (traced ? outbound.getLogAttributes(input, next) : next(input)),
  };
  return { inbound: [inboundCalls], outbound: [outboundCalls], internals: [new OpenTelemetryInternalsInterceptor()] };
};
