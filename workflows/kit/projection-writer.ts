import { CancellationScope, condition, currentUpdateInfo, patched, proxyLocalActivities } from '@temporalio/workflow';
import {
  BATCHED_PROJECTION_PATCH,
  SETTLED_BATCH_PATCH,
  type BatchedProjectionActivities,
  type ProjectionWrite,
  type TaskPlacement,
} from './contracts';
import { projections } from './projections';

/*
 * Like the activities before them, batches retry until PostgreSQL answers
 * again; a local activity past its attempts in one workflow task goes on
 * retrying on a timer, so an outage delays the participation, never loses a write.
 */
const batchOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

type Answer = TaskPlacement | null | undefined;

interface Queued {
  write: ProjectionWrite;
  summary?: string;
  /** Runs as soon as the batch is committed, before the search attributes are refreshed (openTask adopts its placement). */
  onCommit?: (answer: Answer) => void;
  resolve: (answer: Answer) => void;
}

/**
 * Where the kit's projection writes go. A participation launched with the
 * patch queues them: everything its workflow task changed (participation row,
 * phase, journal, tasks, outbox, NOTIFY) goes to PostgreSQL in one transaction
 * from one local activity, on the workflow's own line, never from an Update
 * handler (a handler changes state, then waits for the commit). Once a batch
 * commits, `afterCommit` refreshes the search attributes from the new state.
 */
export class ProjectionWriter {
  private readonly queue: Queued[] = [];
  private flushing = false;

  constructor(
    readonly batched: boolean,
    private readonly afterCommit: (writes: ProjectionWrite[]) => void,
    /** Whether a batch waits for the whole workflow task to settle (SETTLED_BATCH_PATCH) or a few microtasks. */
    private readonly settled = false,
  ) {
    if (batched) void CancellationScope.nonCancellable(() => this.flushForever());
  }

  /** Decided once per run, at its start: replays of older runs find no marker and keep the old path. */
  static forThisRun(afterCommit: (writes: ProjectionWrite[]) => void): ProjectionWriter {
    const batched = patched(BATCHED_PROJECTION_PATCH);
    return new ProjectionWriter(batched, afterCommit, batched && patched(SETTLED_BATCH_PATCH));
  }

  /**
   * Writes (or queues) one projection write. Unbatched, resolves once it is written,
   * with its answer, and `onCommit` is not called: the caller does its part after.
   * Batched, `onCommit` runs right after the commit, before the search attributes
   * are refreshed; in an Update handler the promise resolves at the commit, elsewhere
   * at once (with no answer).
   */
  write<W extends ProjectionWrite>(write: W, summary?: string, onCommit?: (answer: Answer) => void): Promise<Answer> {
    if (!this.batched) return this.writeAlone(write, summary);
    const committed = new Promise<Answer>((resolve) => this.queue.push({ write, summary, onCommit, resolve }));
    // An Update answers once what it changed is committed, so that its caller reads it at once.
    // The workflow's own line goes on without waiting: its next writes join the same batch,
    // the queue keeps their order, and the run drains it before it ends or continues as new.
    return currentUpdateInfo() ? committed : Promise.resolve(undefined);
  }

  /** Resolves once every write queued so far is committed (before the run ends or continues as new). */
  drained(): Promise<void> {
    // Even in a run cancelled from Temporal, whose closing writes are still queued.
    return CancellationScope.nonCancellable(() => condition(() => this.queue.length === 0 && !this.flushing));
  }

  /**
   * The path of runs started before the patch: one activity per write, as their
   * histories hold. The activity's own promise is returned, with no step between,
   * so that continuations run in the same order as when those histories were recorded.
   */
  private writeAlone(write: ProjectionWrite, summary?: string): Promise<Answer> {
    const activities = projections(summary) as unknown as Record<string, (input: ProjectionWrite['input']) => Promise<Answer>>;
    return activities[write.name](write.input);
  }

  private async flushForever(): Promise<never> {
    for (;;) {
      await condition(() => this.queue.length > 0);
      // Let the rest of the workflow task catch up before writing: an Update's handler
      // queues the task's completion, and the main line, woken by it in the same
      // activation, queues the next task a pass later. One batch, one transaction.
      for (let seen = 0; seen !== this.queue.length;) {
        seen = this.queue.length;
        await (this.settled ? nextPass() : condition(() => true));
      }
      const batch = this.queue.splice(0);
      this.flushing = true;
      const summaries = batch.flatMap((queued) => (queued.summary ? [queued.summary] : []));
      const activities = proxyLocalActivities<BatchedProjectionActivities>({
        ...batchOptions,
        ...(summaries.length > 0 ? { summary: summaries.join(' · ') } : {}),
      });
      const { results } = await activities.applyProjectionBatch({ writes: batch.map((queued) => queued.write) });
      batch.forEach((queued, i) => queued.onCommit?.(results[i]));
      this.afterCommit(batch.map((queued) => queued.write));
      this.flushing = false;
      batch.forEach((queued, i) => queued.resolve(results[i]));
    }
  }
}

/**
 * Resolves at the SDK's next pass over the blocked conditions, which comes only
 * once every microtask of this one has run: by then the main line, woken in the
 * same pass as the writer, has queued whatever it writes next. (`condition(() =>
 * true)` is evaluated at once and resolves a few microtasks later, before the
 * main line's longer chain of awaits gets there: the older runs' two batches per
 * hand-over.) Each pass this arms ends with one condition unblocked, so the SDK
 * makes one more pass, and the activation never ends with the writer still waiting.
 */
function nextPass(): Promise<void> {
  let armed = false;
  return condition(() => {
    if (armed) return true;
    armed = true;
    return false;
  });
}
