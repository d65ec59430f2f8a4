import { condition, patched, setHandler } from '@temporalio/workflow';
import {
  choiceOf,
  CLOSING_OUTCOMES,
  closeParticipationUpdate,
  type ClosingOutcome,
  type CloseRequest,
  type MessageKey,
  type TaskTiming,
} from './contracts';
import { DecisionTasks } from './decision-tasks';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/**
 * The closing decision is a task: waiting for it opens a `closing` task for
 * the coordinator (an `outcome` field, the deliverable's summary as the
 * closing summary). Participations whose history reached their closing wait
 * before this change wait there for the `closeParticipation` Update alone.
 */
export const CLOSING_TASK_PATCH = 'closing-task';

/**
 * Waits for the coordinator to close: concluded, suspended or withdrawn. It
 * listens in one phase (`closing`) or in several (a watch closes at any time,
 * by the Update only: it opens no task, which would sit in an inbox for years).
 * With task timing, `await` also offers the decision as a task; the
 * `closeParticipation` Update still decides, and then cancels the task.
 */
export class ClosingDecision {
  private request?: CloseRequest;
  private readonly phases: string[];

  constructor(
    private readonly p: Participation,
    phase: string | string[],
    private readonly timing?: TaskTiming,
  ) {
    this.phases = Array.isArray(phase) ? phase : [phase];
    for (const each of this.phases) p.onEnterPhase(each, () => (this.request = undefined));
    setHandler(closeParticipationUpdate, (request) => this.accept(request), {
      validator: (_request) => this.mustBeOpen(),
    });
  }

  async await(): Promise<CloseRequest> {
    this.p.waitFor('closing-decision', 'wait.closingDecision');
    const task = this.timing && patched(CLOSING_TASK_PATCH) ? this.openTask(this.timing) : undefined;
    await condition(() => this.request !== undefined);
    const request = this.request as CloseRequest;
    const outcome = this.p.t(`outcome.${request.outcome}` as MessageKey);
    await task?.closeRest(request.actorId, this.p.t('audit.closedBy', { actorId: request.actorId, outcome }));
    return request;
  }

  /** The decision once taken, for a process that waits on other things meanwhile. */
  get taken(): CloseRequest | undefined {
    return this.request;
  }

  private openTask(timing: TaskTiming): DecisionTasks {
    const task = new DecisionTasks(this.p, {
      check: () => this.mustBeOpen(),
      accept: ({ actorId, deliverable }) => {
        this.request = { outcome: deliverable.fields?.outcome as ClosingOutcome, summary: deliverable.summary, actorId };
      },
    });
    const { title } = this.p.header;
    task.open([
      {
        step: 'closing',
        kind: 'closing',
        title: this.p.t('task.closing.title', { title }),
        instructions: this.p.t('task.closing.instructions', { title }),
        assigneeId: this.p.header.coordinatorId,
        requiredFields: { outcome: choiceOf(...CLOSING_OUTCOMES) },
        dueInMs: timing.taskDueMs,
        remindBeforeMs: timing.taskReminderBeforeMs,
      },
    ]);
    return task;
  }

  private mustBeOpen(): void {
    if (!this.phases.includes(this.p.phase) || this.request) throw wrongState('reject.notClosing', { phase: this.p.phase });
  }

  private accept(request: CloseRequest) {
    this.request = request;
    return this.p.view();
  }
}
