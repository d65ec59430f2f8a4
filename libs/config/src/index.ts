export * from './app-config';
export * from './config.module';
export * from './environment';
export { parseDuration, IsDuration } from './is-duration.validator';
export * from './http-log-options';
export * from './close-on-signals';
export * from './payload-codec-keys';
export { parseOriginList } from './is-origin-list.validator';
export * from './temporal-tls';
