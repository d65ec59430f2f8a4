import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What a process's tracing is once started: on (with where its spans go) or off. */
export type Telemetry =
  { enabled: false } | { enabled: true; resource: Resource; spanProcessor: SpanProcessor; shutdown: () => Promise<void> };

let current: Telemetry = { enabled: false };

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans
 * of HTTP and PostgreSQL, exported over OTLP/HTTP (JSON). Unset, no SDK
 * is loaded at all (the modules are required only here), so tracing costs nothing.
 * Called before Nest and pg are loaded: auto-instrumentation patches modules as
 * they are required, so a module loaded earlier would go untraced.
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Telemetry {
  if (current.enabled || !env.OTEL_EXPORTER_OTLP_ENDPOINT) return current;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { Resource: ResourceClass } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const resource = new ResourceClass({ 'service.name': env.OTEL_SERVICE_NAME || serviceName });
  // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_EXPORTER_OTLP_HEADERS) itself and posts to <endpoint>/v1/traces.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/health' || req.url === '/metrics' }),
      // Queries outside any trace (the notifier's polling) would each start a trace of their own: noise.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  current = { enabled: true, resource, spanProcessor, shutdown: () => provider.shutdown() };
  return current;
}

/** The tracing this process started, if any. */
export function activeTelemetry(): Telemetry {
  return current;
}
