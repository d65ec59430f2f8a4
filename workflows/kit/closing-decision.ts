import { condition, setHandler } from '@temporalio/workflow';
import { closeParticipationUpdate, type CloseRequest } from './contracts';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/** Waits, in the closing phase, for the coordinator to close: concluded, suspended or withdrawn. */
export class ClosingDecision {
  private request?: CloseRequest;

  constructor(
    private readonly p: Participation,
    private readonly phase: string,
  ) {
    p.onEnterPhase(phase, () => (this.request = undefined));
    setHandler(closeParticipationUpdate, (request) => this.accept(request), {
      validator: (_request) => {
        if (this.p.phase !== this.phase || this.request) throw wrongState('reject.notClosing', { phase: this.p.phase });
      },
    });
  }

  async await(): Promise<CloseRequest> {
    this.p.waitFor('closing-decision', 'wait.closingDecision');
    await condition(() => this.request !== undefined);
    return this.request as CloseRequest;
  }

  private accept(request: CloseRequest) {
    this.request = request;
    return this.p.view();
  }
}
