import { condition, setHandler } from '@temporalio/workflow';
import { decideApprovalUpdate, type ApprovalDecision, type MessageKey, type MessageParams } from './contracts';
import { journal } from './journal';
import type { Participation } from './participation';
import { invalidInput, notAllowed, wrongState } from './rejection';

/**
 * Approve, reject, or send back for revision with comments, during one phase;
 * only the listed approvers may decide. Each entry into the phase asks anew.
 */
export class ApprovalGate {
  private decision?: ApprovalDecision;
  private round = 0;

  constructor(
    private readonly p: Participation,
    private readonly phase: string,
    private readonly approverIds: string[],
  ) {
    p.onEnterPhase(phase, () => {
      this.decision = undefined;
      this.round += 1;
    });
    setHandler(decideApprovalUpdate, (decision) => this.decide(decision), {
      validator: (decision: ApprovalDecision) => this.validate(decision),
    });
  }

  async request(waitKey: MessageKey, waitParams: MessageParams = {}): Promise<ApprovalDecision> {
    this.p.waitFor('approval', waitKey, waitParams);
    await condition(() => this.decision !== undefined);
    return this.decision as ApprovalDecision;
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
    await journal(this.p, {
      step: `approval/${this.phase}/${this.round}`,
      action: `approval.${decision.decision}`,
      actorId: decision.approverId,
      newValue: { phase: this.phase, round: this.round, decision: decision.decision },
      note: decision.comments,
    });
    return this.p.view();
  }
}
