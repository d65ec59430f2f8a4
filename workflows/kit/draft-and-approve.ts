import type { ApprovalGate } from './approval';
import type { ApprovalDecision, MessageKey } from './contracts';
import type { Participation } from './participation';

export interface DraftAndApprove {
  draftPhase: string;
  approvalPhase: string;
  /** Drafts one revision (one task, or several in parallel). */
  draft: (revision: number) => Promise<unknown>;
  waitKey: MessageKey;
}

/**
 * Drafting then approval, again after each request for revision: resolves
 * with the approval, or with the rejection for the process to close on.
 */
export async function draftUntilDecided(p: Participation, gate: ApprovalGate, steps: DraftAndApprove): Promise<ApprovalDecision> {
  for (let revision = 1; ; revision += 1) {
    p.details.revision = revision;
    await p.enterPhase(steps.draftPhase);
    await steps.draft(revision);
    await p.enterPhase(steps.approvalPhase);
    const decision = await gate.request(steps.waitKey, { revision });
    if (decision.decision !== 'revise') return decision;
  }
}
