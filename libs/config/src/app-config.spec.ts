import { ConfigurationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('fills every default when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'participations' });
    expect(config.http.port).toBe(3000);
    expect(config.durations.taskDueMs).toBe(10 * 24 * 3600 * 1000);
    expect(config.durations.federalResponseTimeoutMs).toBe(14 * 24 * 3600 * 1000);
    expect(config.worker.memory).toEqual({ budgetMiB: 1024, workflowHeapMiB: 384, maxCachedWorkflows: 384 });
  });

  it('bounds the worker cache by its memory budget', () => {
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '250' }).worker.memory.maxCachedWorkflows).toBe(250);
    expect(loadConfig({ WORKER_MEMORY_BUDGET_MIB: '2048' }).worker.memory).toEqual({
      budgetMiB: 2048,
      workflowHeapMiB: 1408,
      maxCachedWorkflows: 1408,
    });
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ WORKER_MEMORY_BUDGET_MIB: '256' })).toThrow(/WORKER_MEMORY_BUDGET_MIB/);
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '2000' })).toThrow(
      /WORKER_MAX_CACHED_WORKFLOWS=2000: more workflows than WORKER_MEMORY_BUDGET_MIB=1024 holds; raise the budget to at least 2640/,
    );
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '2000', WORKER_MEMORY_BUDGET_MIB: '2640' }).worker.memory.maxCachedWorkflows).toBe(
      2000,
    );
  });

  it('reads durations in words or in milliseconds', () => {
    const config = loadConfig({ TASK_DUE_AFTER: '30s', TASK_REMINDER_BEFORE: '1500', FEDERAL_RESPONSE_TIMEOUT: '2 minutes' });
    expect(config.durations.taskDueMs).toBe(30_000);
    expect(config.durations.taskReminderBeforeMs).toBe(1500);
    expect(config.durations.federalResponseTimeoutMs).toBe(120_000);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ HTTP_PORT: 'eighty', TEMPORAL_ADDRESS: 'nowhere', TASK_DUE_AFTER: 'soon', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    for (const name of ['HTTP_PORT', 'TEMPORAL_ADDRESS', 'TASK_DUE_AFTER', 'DATABASE_URL']) {
      expect(problems).toContain(name);
    }
    expect((error as ConfigurationError).problems).toHaveLength(4);
  });

  it('serves worker metrics only where asked, at a host:port', () => {
    expect(loadConfig({}).workerMetricsAddress).toBeUndefined();
    expect(loadConfig({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).workerMetricsAddress).toBe('0.0.0.0:9464');
    expect(() => loadConfig({ WORKER_METRICS_ADDRESS: '9464' })).toThrow('WORKER_METRICS_ADDRESS');
  });

  it('writes readable log lines only for a person at a terminal, never in production', () => {
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logPretty).toBe(true);
    expect(loadConfig({ LOG_FORMAT: 'json' }).logPretty).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'auto', NODE_ENV: 'production', AUTH_ISSUER: 'https://sso.example.org' }).logPretty).toBe(false);
    // Jest's output is not a terminal here: auto gives JSON lines.
    expect(loadConfig({}).logPretty).toBe(process.stdout.isTTY === true);
    expect(() => loadConfig({ LOG_FORMAT: 'colourful' })).toThrow('LOG_FORMAT');
  });
});
