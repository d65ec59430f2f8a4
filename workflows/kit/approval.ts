import { condition, patched, setHandler } from '@temporalio/workflow';
import {
  APPROVAL_DECISIONS,
  choiceOf,
  decideApprovalUpdate,
  type ApprovalDecision,
  type ApprovalDecisionKind,
  type CompleteTaskRequest,
  type MessageKey,
  type MessageParams,
  type TaskTiming,
} from './contracts';
import { DecisionTasks } from './decision-tasks';
import { journal } from './journal';
import type { Participation } from './participation';
import { invalidInput, notAllowed, wrongState } from './rejection';

/**
 * Approvals are tasks: each request opens an `approval` task for every
 * approver (due date, reminder, escalation and notifications as for any task),
 * decided from the inbox. Participations whose history reached an approval
 * before this change wait there for the `decideApproval` Update alone, as
 * they did (patched() stays false while that history replays); their next
 * request, if any, opens tasks.
 */
export const APPROVAL_TASKS_PATCH = 'approval-tasks';

/**
 * Approve, reject, or send back for revision with comments, during one phase.
 * The first decision taken decides, from an approver's task (by its assignee;
 * a decision task is never reassigned) or by the `decideApproval` Update (a
 * listed approver only); the other tasks are then cancelled with a note saying
 * who decided. Each entry into the phase asks anew.
 */
export class ApprovalGate {
  private decision?: ApprovalDecision;
  private round = 0;
  /** The tasks of this round, when it opened some; a decision taken from one of them is journaled by `request`. */
  private tasks?: DecisionTasks;
  private decidedByTask = false;

  constructor(
    private readonly p: Participation,
    private readonly phase: string,
    private readonly approverIds: string[],
    private readonly timing: TaskTiming,
  ) {
    p.onEnterPhase(phase, () => {
      this.decision = undefined;
      this.tasks = undefined;
      this.decidedByTask = false;
      this.round += 1;
    });
    setHandler(decideApprovalUpdate, (decision) => this.decide(decision), {
      validator: (decision: ApprovalDecision) => this.validate(decision),
    });
  }

  async request(waitKey: MessageKey, waitParams: MessageParams = {}): Promise<ApprovalDecision> {
    this.p.waitFor('approval', waitKey, waitParams);
    if (patched(APPROVAL_TASKS_PATCH)) this.tasks = this.openTasks(waitParams.revision ?? this.round);
    await condition(() => this.decision !== undefined);
    const decision = this.decision as ApprovalDecision;
    if (this.tasks) {
      if (this.decidedByTask) await this.journal(decision);
      const note = this.p.t('audit.approvalDecided', { actorId: decision.approverId, decision: this.p.t(`decision.${decision.decision}`) });
      await this.tasks.closeRest(decision.approverId, note);
    }
    return decision;
  }

  private openTasks(revision: string | number): DecisionTasks {
    const tasks: DecisionTasks = new DecisionTasks(this.p, {
      check: (request) => {
        if (this.p.phase !== this.phase || this.decision || this.tasks !== tasks) {
          throw wrongState('reject.notWaitingApproval', { phase: this.p.phase });
        }
        const fields = request.deliverable?.fields ?? {};
        if (fields.decision !== 'approve' && !fields.comments?.trim()) throw invalidInput('reject.commentsRequired');
      },
      accept: (request) => {
        this.decision = decisionOf(request);
        this.decidedByTask = true;
      },
    });
    const params = { phase: this.p.t(`phase.${this.phase}` as MessageKey), title: this.p.header.title, revision };
    tasks.open(
      this.approverIds.map((approverId) => ({
        step: `approval/${this.phase}/${this.round}/${approverId}`,
        kind: 'approval',
        title: this.p.t('task.approval.title', params),
        instructions: this.p.t('task.approval.instructions', params),
        assigneeId: approverId,
        requiredFields: { decision: choiceOf(...APPROVAL_DECISIONS) },
        dueInMs: this.timing.taskDueMs,
        remindBeforeMs: this.timing.taskReminderBeforeMs,
      })),
    );
    return tasks;
  }

  private validate(decision: ApprovalDecision): void {
    if (this.p.phase !== this.phase || this.decision) throw wrongState('reject.notWaitingApproval', { phase: this.p.phase });
    if (!this.approverIds.includes(decision?.approverId)) {
      throw notAllowed('reject.notApprover', { actorId: String(decision?.approverId) });
    }
    if (decision.decision !== 'approve' && !decision.comments?.trim()) throw invalidInput('reject.commentsRequired');
  }

  private async decide(decision: ApprovalDecision) {
    this.decision = decision;
    await this.journal(decision);
    return this.p.view();
  }

  private journal(decision: ApprovalDecision): Promise<void> {
    return journal(this.p, {
      step: `approval/${this.phase}/${this.round}`,
      action: `approval.${decision.decision}`,
      actorId: decision.approverId,
      newValue: { phase: this.phase, round: this.round, decision: decision.decision },
      note: decision.comments,
    });
  }
}

/** The decision an approval task's deliverable carries (its fields were checked by the task's rules). */
function decisionOf({ actorId, deliverable }: CompleteTaskRequest): ApprovalDecision {
  const fields = deliverable.fields ?? {};
  return { decision: fields.decision as ApprovalDecisionKind, comments: fields.comments?.trim() || undefined, approverId: actorId };
}
