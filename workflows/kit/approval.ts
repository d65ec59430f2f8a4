import { condition, setHandler } from '@temporalio/workflow';
import { decideApprovalUpdate, type ApprovalDecision, type MessageKey, type MessageParams } from './contracts';
import { journal } from './journal';
import type { Participation } from './participation';
import { invalidInput, notAllowed, wrongState } from './rejection';

interface PendingApproval {
  subject: string;
  approverIds: string[];
}

/** Approve, reject, or send back for revision with comments; only the listed approvers may decide. */
export class ApprovalGate {
  private pending?: PendingApproval;
  private decision?: ApprovalDecision;

  constructor(private readonly p: Participation) {
    setHandler(decideApprovalUpdate, (decision) => this.decide(decision), {
      validator: (decision) => this.validate(decision),
    });
  }

  async request(
    subject: string,
    approverIds: string[],
    waitKey: MessageKey,
    waitParams: MessageParams = {},
  ): Promise<ApprovalDecision> {
    this.pending = { subject, approverIds };
    this.decision = undefined as ApprovalDecision | undefined;
    this.p.waitFor('approval', waitKey, waitParams);
    await condition(() => this.decision !== undefined);
    this.pending = undefined;
    const decided = this.decision as ApprovalDecision | undefined;
    if (!decided) throw new Error('approval awaited but missing');
    return decided;
  }

  private validate(decision: ApprovalDecision): void {
    if (!this.pending || this.decision) throw wrongState('reject.notWaitingApproval', { phase: this.p.phase });
    if (!this.pending.approverIds.includes(decision?.approverId)) {
      throw notAllowed('reject.notApprover', { actorId: String(decision?.approverId) });
    }
    if (decision.decision !== 'approve' && !decision.comments?.trim()) throw invalidInput('reject.commentsRequired');
  }

  private async decide(decision: ApprovalDecision) {
    const subject = this.pending?.subject ?? 'approval';
    this.decision = decision;
    await journal(this.p, {
      step: `approval/${subject}`,
      action: `approval.${decision.decision}`,
      actorId: decision.approverId,
      newValue: { subject, decision: decision.decision },
      note: decision.comments,
    });
    return this.p.view();
  }
}
