import { randomUUID } from 'node:crypto';
import { eventually } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

export type Flow = 'refused' | 'cancelled' | 'full';

interface Reply {
  status: number;
  body: any;
}

/**
 * Drives participations over HTTP the way coordinators, experts and approvers
 * do, against any of the API replicas. While services are killed a request may
 * fail (connection reset, 5xx): it is sent again, and a 409 on a repeat means
 * the first attempt had landed.
 */
export class ParticipationDriver {
  private next = 0;

  constructor(
    private readonly apis: string[],
    private readonly tokens: Record<string, string>,
    private readonly findLaunched: (workflowId: string) => Promise<string | undefined>,
  ) {}

  /** Runs one participation from launch to its end; returns its workflow id. */
  async run(flow: Flow): Promise<string> {
    const businessKey = `cluster-${flow}-${randomUUID().slice(0, 8)}`;
    const workflowId = `wto-round/${businessKey}`;
    // Built again for each attempt: its session is a few seconds ahead, and a launch retried after an outage must not send it past.
    const launched = await this.send('POST', '/participations', 'coord-lavoie', () => wtoLaunchBody({ businessKey }));
    const id = launched.status === 201 ? (launched.body.id as string) : await this.mustFind(workflowId);
    await this.waitForPhase(id, 'federal-coordination');
    if (flow === 'cancelled') {
      await this.send('POST', `/participations/${id}/cancel`, 'coord-lavoie', { reason: 'Mission annulée.' });
      return workflowId;
    }
    if (flow === 'refused') {
      await this.send('POST', `/participations/${id}/federal-response`, 'coord-lavoie', { decision: 'refused' });
      return workflowId;
    }
    await this.send('POST', `/participations/${id}/federal-response`, 'coord-lavoie', { decision: 'granted' });
    for (const task of await this.waitForOpenTasks(id, 'position', 2)) {
      await this.send('POST', `/tasks/${task.id}/complete`, task.assigneeId, { deliverable: { summary: 'Position rédigée.' } });
    }
    await this.waitForPhase(id, 'mandate-approval');
    await this.send('POST', `/participations/${id}/mandate-decision`, 'dm-international', { decision: 'approve' });
    const [attendance] = await this.waitForOpenTasks(id, 'attendance', 1);
    await this.send('POST', `/tasks/${attendance.id}/complete`, attendance.assigneeId, {
      deliverable: { summary: 'Présent.', fields: { attended: 'yes' } },
    });
    const [debrief] = await this.waitForOpenTasks(id, 'debrief', 1);
    await this.send('POST', `/tasks/${debrief.id}/complete`, debrief.assigneeId, { deliverable: { summary: 'Compte rendu.' } });
    await this.waitForPhase(id, 'closing');
    await this.send('POST', `/participations/${id}/close`, 'coord-lavoie', { outcome: 'concluded', summary: 'Accord conclu.' });
    return workflowId;
  }

  private async mustFind(workflowId: string): Promise<string> {
    return eventually(() => this.findLaunched(workflowId), { timeoutMs: 60_000, what: `the projection of ${workflowId}` });
  }

  private waitForPhase(id: string, phase: string) {
    return eventually(
      async () => {
        const reply = await this.once('GET', `/participations/${id}`, 'coord-lavoie');
        return reply.status === 200 && reply.body.phase === phase ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `${id} to reach ${phase}` },
    );
  }

  private waitForOpenTasks(id: string, kind: string, count: number): Promise<Array<{ id: string; assigneeId: string }>> {
    return eventually(
      async () => {
        const reply = await this.once('GET', `/participations/${id}/tasks`, 'coord-lavoie');
        if (reply.status !== 200) return undefined;
        const open = reply.body.filter((t: any) => t.kind === kind && t.status === 'open');
        return open.length === count ? open : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `${count} open ${kind} task(s) on ${id}` },
    );
  }

  /**
   * Sends until an answer other than a 5xx or a network error; 2xx, or a 409 after an attempt that may have
   * landed (a 5xx or a network error), is success. `body` may be a function, called for each attempt.
   *
   * A step refused as out of turn (409 wrong-state) before any attempt could have landed is sent again too:
   * the driver waited for the step's phase in the projection, and the workflow can be behind what it wrote
   * there. Its projection batch is a local activity, committed inside a workflow task; when Temporal's
   * database goes away before that task completes, the task runs again from the history, and until it does
   * the workflow answers from the state before it (docs/reliability.md). A person would try again; so does
   * this, and says so. A step still refused when the wait ends fails the test.
   */
  private async send(method: string, path: string, as: string, body?: unknown): Promise<Reply> {
    let mayHaveLanded = false;
    const reply = await eventually(
      async () => {
        let r: Reply;
        try {
          r = await this.once(method, path, as, typeof body === 'function' ? (body as () => unknown)() : body);
        } catch (err) {
          mayHaveLanded = true;
          throw err;
        }
        if (r.status >= 500) {
          mayHaveLanded = true;
          return undefined;
        }
        if (r.status === 409 && !mayHaveLanded && String(r.body?.type).endsWith(':wrong-state')) {
          process.stderr.write(`[cluster faults] ${method} ${path} refused as out of turn (${r.body?.detail}); sent again\n`);
          return undefined;
        }
        return r;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: `${method} ${path}` },
    );
    if (reply.status < 300 || (reply.status === 409 && mayHaveLanded)) return reply;
    throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }

  /** One request, to the next API replica in turn. */
  private async once(method: string, path: string, as: string, body?: unknown): Promise<Reply> {
    const base = this.apis[this.next++ % this.apis.length];
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.tokens[as]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
}
