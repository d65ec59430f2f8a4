/**
 * How a worker process shares its memory budget (WORKER_MEMORY_BUDGET_MIB).
 *
 * The worker is one process: the main thread (Nest, TypeORM, the activities),
 * the SDK's Rust core (its share of each cached run's history and state
 * machines) and one workflow thread whose V8 heap holds every cached workflow.
 * Left to itself V8 sizes a heap from the machine (about 4 GiB here) and
 * collects lazily, so the workflow thread's heap grew with whatever was open
 * (1,344 MiB peak at 10,000 open with 1,000 cached, issue 16). The budget caps
 * that heap and sizes the cache to what the heap holds, so the total stays
 * under the budget whatever the number of workflows open.
 */

/**
 * The main thread, the Rust core and the code: measured at 10,000 open
 * (docs/performance.md). 576 MiB held on Node 20; Node 24, the project's line,
 * peaked at 1,022 and 1,044 MiB with it, so 64 MiB more go to this part.
 */
export const WORKER_FIXED_MIB = 640;

/**
 * Heap a cached workflow needs in the workflow thread, garbage included: its
 * state and handlers plus the room V8 needs to collect without thrashing.
 * Measured with the bench's scale scenario (docs/performance.md).
 */
export const CACHED_WORKFLOW_HEAP_MIB = 1;

/** The smallest budget that leaves the workflow thread a useful heap. */
export const WORKER_MEMORY_BUDGET_MIN_MIB = 768;

export interface WorkerMemoryPlan {
  budgetMiB: number;
  /** The workflow thread's old-generation cap (V8's --max-old-space-size). */
  workflowHeapMiB: number;
  maxCachedWorkflows: number;
}

/** The plan for a budget; a cache size given explicitly is kept (its problem is reported by workerMemoryProblems). */
export function workerMemoryPlan(budgetMiB: number, maxCachedWorkflows?: number): WorkerMemoryPlan {
  const workflowHeapMiB = Math.max(budgetMiB - WORKER_FIXED_MIB, 0);
  return {
    budgetMiB,
    workflowHeapMiB,
    maxCachedWorkflows: maxCachedWorkflows ?? Math.floor(workflowHeapMiB / CACHED_WORKFLOW_HEAP_MIB),
  };
}

/** A cache larger than the workflow heap holds would end in the workflow thread running out of memory. */
export function workerMemoryProblems(budgetMiB: number, maxCachedWorkflows?: number): string[] {
  if (maxCachedWorkflows === undefined || budgetMiB < WORKER_MEMORY_BUDGET_MIN_MIB) return [];
  const needed = WORKER_FIXED_MIB + Math.ceil(maxCachedWorkflows * CACHED_WORKFLOW_HEAP_MIB);
  if (needed <= budgetMiB) return [];
  return [
    `WORKER_MAX_CACHED_WORKFLOWS=${maxCachedWorkflows}: more workflows than WORKER_MEMORY_BUDGET_MIB=${budgetMiB} holds; ` +
      `raise the budget to at least ${needed} or leave the cache unset (it then follows the budget)`,
  ];
}
