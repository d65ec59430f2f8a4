import { performance } from 'node:perf_hooks';
import { Progress } from './progress';

export interface PoolResult {
  /** Duration of each successful operation, in milliseconds. */
  latenciesMs: number[];
  errors: number;
  /** The first few error messages, to say why without flooding the report. */
  errorSamples: string[];
  elapsedMs: number;
}

/**
 * Runs `total` operations with at most `concurrency` in flight (a closed
 * loop: each worker starts its next operation when the last one answers),
 * timing each one.
 */
export async function runPool(
  title: string,
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<PoolResult> {
  const progress = new Progress(title, total);
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const startedAt = performance.now();
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      const began = performance.now();
      try {
        await operation(index);
        latenciesMs.push(performance.now() - began);
      } catch (err) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(err instanceof Error ? err.message : String(err));
      }
      progress.tick();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    progress.stop();
  }
  return { latenciesMs, errors, errorSamples, elapsedMs: performance.now() - startedAt };
}
