import {
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  log,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  allHandlersFinished,
  workflowInfo,
  type Workflow,
} from '@temporalio/workflow';
import {
  cancelParticipationSignal,
  cancelParticipationUpdate,
  describeAction,
  getOverviewQuery,
  getStateQuery,
  participationRegisteredUpdate,
  kitMessages,
  readableDate,
  SA_ASSIGNED_EXPERTS,
  SA_NEXT_DEADLINE,
  SA_OVERDUE_TASKS,
  SA_PHASE,
  type CancelRequest,
  type CarriedState,
  type Messages,
  type MessageKey,
  type MessageParams,
  type ParticipationHeader,
  type ParticipationOutcome,
  type ParticipationResult,
  type ParticipationStateView,
  type ParticipationStatus,
  type PhaseStep,
  type ProjectionWrite,
  type Strings,
  type TaskPlacement,
  type WaitingFor,
} from './contracts';
import { overviewOf } from './overview';
import type { ParticipationContext } from './participation-context';
import { EventInbox } from './event-inbox';
import { journal } from './journal';
import { ProjectionWriter } from './projection-writer';
import { wrongState } from './rejection';
import { TaskBoard } from './task-board';

const isoNow = () => new Date(Date.now()).toISOString();

/** Phase history entries carried to the next run: enough for the query, bounded for the history. */
const PHASE_HISTORY_KEPT = 50;

/**
 * What every participation workflow shares: its phase and its projection,
 * its search attributes and Temporal UI details, its tasks, the `getState`
 * query and cancellation with a reason. A process is a short body run inside
 * it. `K` is the kind's own message keys, said with `t()` beside the kit's.
 */
export class Participation<K extends string = never> implements ParticipationContext<K> {
  readonly workflowId = workflowInfo().workflowId;
  readonly tasks: TaskBoard;
  phase = 'launched';
  private status: ParticipationStatus = 'active';
  private outcome?: ParticipationOutcome;
  private closingSummary?: string;
  private cancelRequest?: CancelRequest;
  private waitingFor?: WaitingFor;
  private readonly phaseHistory: PhaseStep[] = [];
  private readonly scope = new CancellationScope();
  private stepSeq = 0;
  private readonly phaseListeners: Array<{ phase: string; listener: () => void }> = [];
  private readonly cancelListeners: Array<(request: CancelRequest) => Promise<void>> = [];
  /** External events: `p.events.on(type, handler)`. */
  readonly events: EventInbox<K>;
  /** 1 for the first run, then one more at each continue-as-new. */
  readonly runNumber: number;
  readonly details: Record<string, unknown> = {};
  /** The kit's words and the kind's, in the participation's language. */
  private readonly messages: Messages;
  private readonly writer: ProjectionWriter;
  /** True once the participation's row is committed (the launch's Update waits for it). */
  private registered = false;

  constructor(
    readonly header: ParticipationHeader,
    strings: Strings<K>,
    private readonly carried?: CarriedState,
  ) {
    this.messages = kitMessages.with(strings);
    this.writer = ProjectionWriter.forThisRun((writes) => this.afterBatch(writes));
    this.runNumber = (carried?.run ?? 0) + 1;
    if (carried) {
      this.stepSeq = carried.stepSeq;
      this.phase = carried.phase;
      this.phaseHistory.push(...carried.phaseHistory);
      Object.assign(this.details, carried.details);
    }
    this.tasks = new TaskBoard(this);
    setHandler(getStateQuery, () => this.view(), { description: this.t('query.getState') });
    setHandler(getOverviewQuery, () => overviewOf(this.view(), (key, params) => this.t(key, params)), {
      description: this.t('query.getOverview'),
    });
    setHandler(cancelParticipationUpdate, (request) => this.requestCancel(request), {
      validator: (_request) => {
        if (this.status !== 'active' || this.cancelRequest) throw wrongState('reject.alreadyClosed');
      },
    });
    setHandler(participationRegisteredUpdate, async () => {
      await condition(() => this.registered);
      return { participationId: this.header.participationId };
    });
    setHandler(cancelParticipationSignal, (request) => {
      if (this.status === 'active' && !this.cancelRequest) this.requestCancel(request);
    });
    this.events = new EventInbox<K>(this, carried?.seenEventIds);
  }

  t(key: MessageKey | K, params?: MessageParams): string {
    return this.messages.t(this.header.locale, key, params);
  }

  /** A journal action as a sentence in the participation's language (activity summaries). */
  describe(action: string, params: Record<string, unknown> = {}): string {
    return describeAction(this.messages, this.header.locale, action, params);
  }

  get batchedWrites(): boolean {
    return this.writer.batched;
  }

  write(
    write: ProjectionWrite,
    summary?: string,
    onCommit?: (answer: TaskPlacement | null | undefined) => void,
  ): Promise<TaskPlacement | null | undefined> {
    return this.writer.write(write, summary, onCommit);
  }

  /** Whether the kit or the kind has words for `key` (codes such as phases are said in words when they do). */
  has(key: string): boolean {
    return this.messages.has(key);
  }

  /** A step key unique within this run, stable across replays: the idempotency key of a write. */
  nextStepKey(label: string): string {
    this.stepSeq += 1;
    return `${String(this.stepSeq).padStart(4, '0')}:${label}`;
  }

  /** Runs the process body; turns a cancellation into closed tasks and a recorded reason. */
  async run(body: () => Promise<ParticipationResult>): Promise<ParticipationResult> {
    this.events.endSetup();
    try {
      if (this.carried) {
        // A continued run: the projection exists; say again where it stands on its Temporal UI page.
        this.registered = true;
        this.refreshCurrentDetails();
      } else {
        const registering = this.write(
          {
            name: 'registerParticipation',
            input: { ...this.header, workflowId: this.workflowId, phase: this.phase, details: this.details },
          },
          this.t('activity.register', { title: this.header.title }),
          () => (this.registered = true),
        );
        // Batched, the process goes on at once (its first steps join the registration's batch)
        // and the commit marks it registered; unbatched, the write is awaited here.
        if (!this.writer.batched) {
          await registering;
          this.registered = true;
        }
      }
      const result = await this.scope.run(body);
      await condition(allHandlersFinished);
      if (this.writer.batched) await this.writer.drained();
      return result;
    } catch (err) {
      if (!isCancellation(err)) throw err;
      const result = this.writer.batched
        ? // Batched, the closing writes are queued: they must land before the run ends, even cancelled.
          await CancellationScope.nonCancellable(async () => {
            const closed = await this.closeAfterCancel();
            await this.writer.drained();
            return closed;
          })
        : await CancellationScope.nonCancellable(() => this.closeAfterCancel());
      await condition(allHandlersFinished);
      // A cancellation asked through the API ends normally with its reason;
      // one sent straight to Temporal (UI, CLI) ends the run as cancelled.
      if (this.cancelRequest) return result;
      throw err;
    }
  }

  /**
   * Runs `listener` synchronously each time the participation enters `phase`,
   * before anything is awaited: a step that belongs to the phase is open to
   * Updates from that moment, even while the phase change is still being stored.
   */
  onEnterPhase(phase: string, listener: () => void): void {
    this.phaseListeners.push({ phase, listener });
  }

  /** Runs `listener` when the participation is cancelled, before its tasks close (e.g. to end its children). */
  onCancel(listener: (request: CancelRequest) => Promise<void>): void {
    this.cancelListeners.push(listener);
  }

  /**
   * Work that runs beside the process body (an analysis task opened by an
   * event, a report opened by a schedule). A failure is logged, never left unhandled.
   */
  background(what: string, work: () => Promise<unknown>): void {
    work().catch((err: unknown) => {
      if (!isCancellation(err)) log.error('background work failed', { what, error: String(err) });
    });
  }

  /**
   * Continues as a new run carrying this one's state: its phase, details,
   * step sequence (so no idempotency key repeats) and the events already seen.
   * Call it only between steps, when no task is open. The next input is
   * built at the last moment, after the handlers in progress have finished.
   */
  async continueAsNew<F extends Workflow>(nextInput: () => Parameters<F>[0]): Promise<never> {
    await this.journalEntry('run/continued', 'participation.continued', 'workflow', { run: this.runNumber + 1 });
    await condition(allHandlersFinished);
    if (this.writer.batched) await this.writer.drained();
    const carried: CarriedState = {
      run: this.runNumber,
      stepSeq: this.stepSeq,
      phase: this.phase,
      phaseHistory: this.phaseHistory.slice(-PHASE_HISTORY_KEPT),
      details: { ...this.details },
      seenEventIds: this.events.seenIds(),
    };
    return continueAsNew<F>(...([{ ...nextInput(), carried }] as unknown as Parameters<F>));
  }

  async enterPhase(phase: string): Promise<void> {
    const fromPhase = this.phase;
    this.phase = phase;
    this.waitingFor = undefined;
    this.phaseListeners.filter((l) => l.phase === phase).forEach((l) => l.listener());
    this.phaseHistory.push({ phase, at: isoNow() });
    upsertSearchAttributes([{ key: SA_PHASE, value: phase }]);
    this.refreshCurrentDetails();
    const input = {
      workflowId: this.workflowId,
      participationId: this.header.participationId,
      stepKey: this.nextStepKey(`phase/${phase}`),
      fromPhase,
      toPhase: phase,
      at: isoNow(),
    };
    await this.write({ name: 'recordPhaseChange', input }, this.t('activity.phase', { phase: this.t(`phase.${phase}` as K) }));
  }

  /** Says what the participation now waits for, in the query and on its Temporal UI page. */
  waitFor(code: string, key: MessageKey | K, params: MessageParams = {}, until?: string): void {
    this.waitingFor = { code, label: this.t(key, params), until };
    this.refreshCurrentDetails();
  }

  /** Keeps AssignedExperts, NextDeadline and OverdueTasks, and the UI's current details, in step with the open tasks. */
  refreshTaskAttributes(extraDeadline?: string): void {
    const open = this.tasks.open();
    const experts = [...new Set(open.flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])))].sort();
    const deadlines = [...open.map((task) => task.dueAt), ...(extraDeadline ? [extraDeadline] : [])].sort();
    upsertSearchAttributes([
      { key: SA_ASSIGNED_EXPERTS, value: experts.length > 0 ? experts : null },
      { key: SA_OVERDUE_TASKS, value: open.filter((task) => task.overdue).length },
      { key: SA_NEXT_DEADLINE, value: deadlines.length > 0 ? new Date(deadlines[0]) : null },
    ]);
    this.refreshCurrentDetails();
  }

  /**
   * Ends the participation: open tasks are cancelled, the outcome stored. The
   * last phase is `closed` unless the process names a more telling one (a
   * country's campaign ends as `ratified` or `declined`).
   */
  async close(outcome: ParticipationOutcome, actorId: string, summary?: string, finalPhase = 'closed'): Promise<ParticipationResult> {
    // Batched, the open tasks, the last phase and the outcome are queued together and
    // land in one transaction: no reader sees a closed phase on a participation still active.
    const written: Promise<unknown>[] = [];
    if (this.writer.batched) written.push(this.tasks.cancelOpen(actorId, summary ?? outcome), this.enterPhase(finalPhase));
    else {
      await this.tasks.cancelOpen(actorId, summary ?? outcome);
      await this.enterPhase(finalPhase);
    }
    this.status = outcome === 'cancelled' ? 'cancelled' : 'completed';
    this.outcome = outcome;
    this.closingSummary = summary;
    if (!this.writer.batched) this.refreshTaskAttributes();
    this.refreshCurrentDetails();
    const closedAt = isoNow();
    const input = {
      workflowId: this.workflowId,
      participationId: this.header.participationId,
      stepKey: this.nextStepKey('close'),
      status: this.status,
      outcome,
      summary,
      actorId,
      at: closedAt,
    };
    const closing = this.write(
      { name: 'closeParticipation', input },
      this.t('activity.close', { outcome: this.t(`outcome.${outcome}` as MessageKey) }),
    );
    if (this.writer.batched) await Promise.all([...written, closing]);
    else await closing;
    return { participationId: this.header.participationId, workflowId: this.workflowId, outcome, summary, closedAt };
  }

  view(): ParticipationStateView {
    const { participationId, kind, title, forum, coordinatorId } = this.header;
    return {
      participationId,
      workflowId: this.workflowId,
      kind,
      title,
      forum,
      coordinatorId,
      phase: this.phase,
      status: this.status,
      outcome: this.outcome,
      closingSummary: this.closingSummary,
      cancelReason: this.cancelRequest?.reason,
      waitingFor: this.waitingFor,
      tasks: this.tasks.all(),
      phaseHistory: [...this.phaseHistory],
      details: { ...this.details },
      run: this.runNumber,
    };
  }

  /** Appends one entry to the audit journal, keyed by the next step key. */
  journalEntry(step: string, action: string, actorId: string, newValue?: unknown, note?: string): Promise<void> {
    return journal(this, { step, action, actorId, newValue, note });
  }

  private requestCancel(request: CancelRequest): ParticipationStateView {
    this.cancelRequest = request;
    this.scope.cancel();
    return this.view();
  }

  private async closeAfterCancel(): Promise<ParticipationResult> {
    const actorId = this.cancelRequest?.actorId ?? 'temporal';
    const reason = this.cancelRequest?.reason ?? 'cancelled from Temporal';
    for (const listener of this.cancelListeners) await listener({ actorId, reason });
    const input = {
      workflowId: this.workflowId,
      participationId: this.header.participationId,
      stepKey: this.nextStepKey('cancel'),
      actorId,
      action: 'participation.cancelled',
      target: this.workflowId,
      oldValue: { phase: this.phase },
      note: reason,
      at: isoNow(),
    };
    const entry = this.write({ name: 'appendJournal', input });
    // Batched, the reason lands with the closing, in its transaction.
    if (!this.writer.batched) await entry;
    return this.close('cancelled', actorId, reason);
  }

  /** After a batch is committed: the task search attributes follow the tasks it wrote. */
  private afterBatch(writes: ProjectionWrite[]): void {
    if (writes.some((w) => w.name === 'openTask' || w.name === 'changeTask' || w.name === 'closeParticipation'))
      this.refreshTaskAttributes();
  }

  private refreshCurrentDetails(): void {
    // The code beside the label is what supervisors type in list filters (`Phase='mandate-approval'`).
    const phase = this.t('ui.phaseWithCode', { label: this.t(`phase.${this.phase}` as K), code: this.phase });
    if (this.status !== 'active' && this.outcome) {
      setCurrentDetails(this.t('ui.closed', { outcome: this.t(`outcome.${this.outcome}` as MessageKey) }));
      return;
    }
    const waitingFor = this.waitingFor?.label ?? '—';
    const lines = [
      this.waitingFor?.until
        ? this.t('ui.currentWithDeadline', { phase, waitingFor, until: readableDate(this.waitingFor.until) })
        : this.t('ui.current', { phase, waitingFor }),
    ];
    const open = this.tasks.open();
    if (open.length > 0) {
      lines.push(this.t('ui.tasks', { open: open.length, overdue: open.filter((task) => task.overdue).length }));
      lines.push(this.t('ui.nextDeadline', { date: readableDate(open.map((task) => task.dueAt).sort()[0]) }));
    }
    setCurrentDetails(lines.join('\n'));
  }
}
