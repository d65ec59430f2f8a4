import type { MessageKey, MessageParams, ParticipationHeader, ProjectionWrite, TaskPlacement } from './contracts';

/**
 * What a participation's parts (its task board, its event inbox, its journal)
 * need of it. Participation implements it; the parts depend on this, not on
 * the class that builds them, so that no import goes round in a circle.
 */
export interface ParticipationContext<K extends string = never> {
  readonly workflowId: string;
  readonly header: ParticipationHeader;
  t(key: MessageKey | K, params?: MessageParams): string;
  /** A journal action as a sentence in the participation's language. */
  describe(action: string, params?: Record<string, unknown>): string;
  /** A step key unique within this run, stable across replays: the idempotency key of a write. */
  nextStepKey(label: string): string;
  refreshTaskAttributes(extraDeadline?: string): void;
  /** True when projection writes are batched (runs started with the patch): see projection-writer.ts. */
  readonly batchedWrites: boolean;
  /** One projection write; resolves once committed, with its answer (openTask's placement). */
  write(
    write: ProjectionWrite,
    summary?: string,
    onCommit?: (answer: TaskPlacement | null | undefined) => void,
  ): Promise<TaskPlacement | null | undefined>;
  background(what: string, work: () => Promise<unknown>): void;
  journalEntry(step: string, action: string, actorId: string, newValue?: unknown, note?: string): Promise<void>;
}
