export * from './app-config';
export * from './config.module';
export * from './environment';
export { parseDuration, IsDuration } from './is-duration.validator';
export * from './http-log-options';
export * from './close-on-signals';
export * from './temporal-tls';
