export * from './start-telemetry';
export * from './log-trace-mixin';
export * from './temporal-tracing';
export * from './telemetry-flush';
