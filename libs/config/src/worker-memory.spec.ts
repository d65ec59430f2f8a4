import { WORKER_FIXED_MIB, workerMemoryPlan, workerMemoryProblems } from './worker-memory';

describe('workerMemoryPlan', () => {
  it('gives the workflow thread what the fixed part leaves, and the cache what that heap holds', () => {
    expect(workerMemoryPlan(1024)).toEqual({ budgetMiB: 1024, workflowHeapMiB: 1024 - WORKER_FIXED_MIB, maxCachedWorkflows: 384 });
    expect(workerMemoryPlan(4096).maxCachedWorkflows).toBe(4096 - WORKER_FIXED_MIB);
  });

  it('keeps a cache size given explicitly, 0 included', () => {
    expect(workerMemoryPlan(1024, 0).maxCachedWorkflows).toBe(0);
    expect(workerMemoryPlan(1024, 300).maxCachedWorkflows).toBe(300);
  });
});

describe('workerMemoryProblems', () => {
  it('accepts a cache the heap holds and refuses one it does not, saying the budget needed', () => {
    expect(workerMemoryProblems(1024, undefined)).toEqual([]);
    expect(workerMemoryProblems(1024, 384)).toEqual([]);
    const [problem] = workerMemoryProblems(1024, 385);
    expect(problem).toContain('WORKER_MAX_CACHED_WORKFLOWS=385');
    expect(problem).toContain('at least 1025');
  });
});
