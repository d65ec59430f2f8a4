import { condition, setHandler } from '@temporalio/workflow';
import {
  readableDate,
  recordFederalResponseUpdate,
  type FederalResponse,
  type FederalResponseReceivedData,
  type MessageKey,
} from './contracts';
import { journal } from './journal';
import type { Participation } from './participation';
import { wrongState } from './rejection';

/**
 * A request to the federal government (a seat in a forum, an expert's
 * clearance, agreement on a mandate), answered during one phase by the
 * `recordFederalResponse` Update or the `federal.response.received` event. At
 * the deadline the coordinator is alerted (escalation) and the wait goes on:
 * only the federal answer, or a cancellation, ends it.
 */
export class FederalCoordination<K extends string = never> {
  private response?: FederalResponse;

  constructor(
    private readonly p: Participation<K>,
    private readonly phase: string,
  ) {
    p.onEnterPhase(phase, () => (this.response = undefined));
    setHandler(recordFederalResponseUpdate, (response) => this.record(response), {
      validator: (_response) => {
        if (!this.waiting()) throw wrongState('reject.notWaitingFederal', { phase: this.p.phase });
      },
    });
    p.events.on('federal.response.received', async (event) => {
      const data = event.data as unknown as FederalResponseReceivedData;
      if (!this.waiting()) return this.p.events.ignore(event, 'reject.notWaitingFederal', { phase: this.p.phase });
      await this.record({ decision: data.decision, note: data.note, actorId: 'federal-government' });
    });
  }

  /** Asks, and waits for the answer; `waitKey` says in the participation's language what is asked. */
  async request(subject: string, timeoutMs: number, waitKey: MessageKey | K = 'wait.federalResponse'): Promise<FederalResponse> {
    const deadline = new Date(Date.now() + timeoutMs).toISOString();
    this.p.waitFor('federal-response', waitKey, {}, deadline);
    this.p.refreshTaskAttributes(deadline);
    await journal(this.p, { step: 'federal/requested', action: 'federal.requested', actorId: 'workflow', note: subject });
    const summary = this.p.t('timer.federalDeadline', { date: readableDate(deadline) });
    if (!(await condition(() => this.response !== undefined, timeoutMs, { summary }))) {
      await journal(this.p, {
        step: 'federal/escalated',
        action: 'federal.escalated',
        actorId: 'workflow',
        target: this.p.header.coordinatorId,
        note: this.p.t('audit.federalEscalation'),
      });
      // The passed deadline stays in NextDeadline: `NextDeadline < now` is how supervisors find what is late.
      this.p.waitFor('federal-response', 'wait.federalResponseEscalated', {}, deadline);
      this.p.refreshTaskAttributes(deadline);
      await condition(() => this.response !== undefined);
    }
    this.p.refreshTaskAttributes();
    return this.received();
  }

  private waiting(): boolean {
    return this.p.phase === this.phase && !this.response;
  }

  private received(): FederalResponse {
    if (!this.response) throw new Error('federal response awaited but missing');
    return this.response;
  }

  private async record(response: FederalResponse) {
    this.response = response;
    await journal(this.p, {
      step: 'federal/response',
      action: 'federal.response',
      actorId: response.actorId,
      newValue: { decision: response.decision },
      note: response.note,
    });
    return this.p.view();
  }
}
