import type { PhaseStep } from './state';

/**
 * What a participation hands over to its next run when it continues as new
 * (long mandates, recurring reports): its place, its journal sequence (so the
 * idempotency keys of the new run never collide with the old ones) and the
 * events it has already seen.
 */
export interface CarriedState {
  run: number;
  stepSeq: number;
  phase: string;
  phaseHistory: PhaseStep[];
  details: Record<string, unknown>;
  seenEventIds: string[];
}
