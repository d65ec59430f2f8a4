import { startTelemetry } from '@lib/telemetry';

// Imported first by main.ts, before Nest, Express and pg load, so that their instrumentation applies.
startTelemetry('participations-api');
