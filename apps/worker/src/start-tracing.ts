import { startTelemetry } from '@lib/telemetry';

// Imported first by main.ts, before Nest and pg load, so that their instrumentation applies.
startTelemetry('participations-worker');
