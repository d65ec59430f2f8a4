import { condition, setHandler } from '@temporalio/workflow';
import { closeParticipationUpdate, type CloseRequest } from './contracts';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/** Waits for the coordinator to close the participation: concluded, suspended or withdrawn. */
export class ClosingDecision {
  private waiting = false;
  private request?: CloseRequest;

  constructor(private readonly p: Participation) {
    setHandler(closeParticipationUpdate, (request) => this.accept(request), {
      validator: (_request) => {
        if (!this.waiting || this.request) throw wrongState('reject.notClosing', { phase: this.p.phase });
      },
    });
  }

  async await(): Promise<CloseRequest> {
    this.waiting = true;
    this.p.waitFor('closing-decision', 'wait.closingDecision');
    await condition(() => this.request !== undefined);
    this.waiting = false;
    return this.request as CloseRequest;
  }

  private accept(request: CloseRequest) {
    this.request = request;
    return this.p.view();
  }
}
