import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per application instance (not prom-client's global
 * one), so that two apps in one process, as in the tests, never clash.
 */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'participation-api' });
  collectDefaultMetrics({ register: registry });
  return registry;
}
