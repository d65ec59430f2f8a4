import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * pino `mixin`: every log line written inside a span carries its trace and
 * span ids, so that a line leads to its trace and a trace to its lines. Only
 * @opentelemetry/api is loaded (no SDK); without tracing, no span is ever active.
 */
export function logTraceMixin(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
