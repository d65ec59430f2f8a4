import { condition, setHandler } from '@temporalio/workflow';
import { decideRoundUpdate, type RoundDecision } from './contracts';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/**
 * The end of a negotiation round: the coordinator opens the next round, or
 * ends the negotiation as concluded or suspended. Each entry into the phase asks anew.
 */
export class RoundDecisionGate {
  private decision?: RoundDecision;

  constructor(
    private readonly p: Participation,
    private readonly phase: string,
  ) {
    p.onEnterPhase(phase, () => (this.decision = undefined));
    setHandler(decideRoundUpdate, (decision) => this.accept(decision), {
      validator: (_decision) => {
        if (this.p.phase !== this.phase || this.decision) throw wrongState('reject.notRoundEnd', { phase: this.p.phase });
      },
    });
  }

  async await(round: number): Promise<RoundDecision> {
    this.p.waitFor('round-decision', 'wait.roundDecision', { round });
    await condition(() => this.decision !== undefined);
    return this.decision as RoundDecision;
  }

  private async accept(decision: RoundDecision) {
    this.decision = decision;
    await this.p.journalEntry(
      'round/decision',
      `round.${decision.decision}`,
      decision.actorId,
      { decision: decision.decision },
      decision.summary,
    );
    return this.p.view();
  }
}
