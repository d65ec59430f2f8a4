import type { BenchStack } from './bench-stack';
import type { BenchOptions } from './options';

export interface BenchContext {
  stack: BenchStack;
  options: BenchOptions;
  runId: string;
  log: (message: string) => void;
}

/** How many participations the worker is carrying now: the active rows of the projection. */
export async function openParticipations(ctx: BenchContext): Promise<number> {
  const { rows } = await ctx.stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participations WHERE status = 'active'`);
  return rows[0].n;
}
