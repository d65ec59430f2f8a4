import { condition, setHandler } from '@temporalio/workflow';
import { closeParticipationUpdate, type CloseRequest } from './contracts';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/**
 * Waits for the coordinator to close: concluded, suspended or withdrawn. It
 * listens in one phase (`closing`) or in several (a watch closes at any time).
 */
export class ClosingDecision {
  private request?: CloseRequest;
  private readonly phases: string[];

  constructor(
    private readonly p: Participation,
    phase: string | string[],
  ) {
    this.phases = Array.isArray(phase) ? phase : [phase];
    for (const each of this.phases) p.onEnterPhase(each, () => (this.request = undefined));
    setHandler(closeParticipationUpdate, (request) => this.accept(request), {
      validator: (_request) => {
        if (!this.phases.includes(this.p.phase) || this.request) throw wrongState('reject.notClosing', { phase: this.p.phase });
      },
    });
  }

  async await(): Promise<CloseRequest> {
    this.p.waitFor('closing-decision', 'wait.closingDecision');
    await condition(() => this.request !== undefined);
    return this.request as CloseRequest;
  }

  /** The decision once taken, for a process that waits on other things meanwhile. */
  get taken(): CloseRequest | undefined {
    return this.request;
  }

  private accept(request: CloseRequest) {
    this.request = request;
    return this.p.view();
  }
}
