import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { logTraceMixin } from './log-trace-mixin';
import { activeTelemetry, startTelemetry } from './start-telemetry';
import { activityTracingInterceptors, clientTracingInterceptors, workflowTracingSinks } from './temporal-tracing';

// Loading the SDK or an instrumentation while tracing is off fails the test: off must cost nothing.
jest.mock('@opentelemetry/sdk-trace-node', () => {
  throw new Error('the tracing SDK was loaded with tracing off');
});
jest.mock('@opentelemetry/instrumentation-pg', () => {
  throw new Error('the pg instrumentation was loaded with tracing off');
});

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('loads no SDK and adds no interceptor', () => {
    expect(startTelemetry('participations-api', {})).toEqual({ enabled: false });
    expect(activeTelemetry().enabled).toBe(false);
    expect(clientTracingInterceptors()).toEqual([]);
    expect(activityTracingInterceptors()).toEqual([]);
  });

  it('still registers the workflow exporter sink, as a no-op, for runs a traced client started', () => {
    const sink = workflowTracingSinks().exporter as { export: { fn: (...args: unknown[]) => unknown; callDuringReplay?: boolean } };
    expect(sink.export.callDuringReplay).toBe(false);
    expect(sink.export.fn({}, [])).toBeUndefined();
  });

  it('would load the SDK once an endpoint is set (the mock above then refuses it)', () => {
    expect(() => startTelemetry('participations-api', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toThrow(/SDK was loaded/);
  });
});

describe('the log mixin', () => {
  afterAll(() => context.disable());

  it('adds the active span’s trace and span ids, and nothing outside a span', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const span = new BasicTracerProvider().getTracer('test').startSpan('work');
    const { traceId, spanId } = span.spanContext();
    expect(context.with(trace.setSpan(context.active(), span), logTraceMixin)).toEqual({ trace_id: traceId, span_id: spanId });
    expect(logTraceMixin()).toEqual({});
    span.end();
  });
});
