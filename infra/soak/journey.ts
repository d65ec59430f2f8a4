import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inbox, type TaskRow } from '../bench/api-client';
import type { BenchStack } from '../bench/bench-stack';
import { APPROVER, chainRoundBody, COORDINATOR } from '../bench/fixtures';

/** Sessions per journey: each one an attendance and a debrief, the lead changing from one to the next. */
const SESSIONS = 3;

export interface Tally {
  operations: number;
  journeys: number;
  errors: number;
  errorSamples: string[];
}

/**
 * One participation's whole life as its people live it, over HTTP: launched,
 * the federal answer arriving as an event from the outside world once the
 * request is out, the position written, the mandate approved, each session's
 * attendance and debrief handed from expert to expert while the coordinator
 * reads the dashboard and the list, then closed. Every request counts as an
 * operation; a failure says which step of which journey.
 */
export async function journey(stack: BenchStack, runId: string, index: number, tally: Tally): Promise<void> {
  const api = stack.api;
  const inbox = new Inbox(api);
  const key = `soak-${runId}-${index}`.toLowerCase();
  const experts = ['a', 'b', 'c'].map((letter) => `expert-${key}-${letter}`);
  let step = 'launch';
  const count = <T>(what: string, operation: () => Promise<T>): Promise<T> => {
    step = what;
    return operation().finally(() => (tally.operations += 1));
  };
  try {
    const { id } = await count('launch', () => api.launch(chainRoundBody(key, experts, SESSIONS), COORDINATOR));
    // The federal government answers a request it has received: the event comes once the round waits for it.
    for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
      const round = await count('read the round', () =>
        api.get<{ phase?: string }>(`/participations/${id}`, COORDINATOR).catch(() => ({ phase: undefined })),
      );
      if (round.phase === 'federal-coordination') break;
      await delay(pause);
    }
    const token = await stack.serviceToken('integration');
    const answer = { kind: 'wto-round', businessKey: key, decision: 'granted' };
    await count('federal event', () =>
      api.postEvent({ id: `soak-${randomUUID()}`, type: 'federal.response.received', data: answer }, token),
    );
    const seen = new Set<string>();
    const next = async (expertId: string, what: string): Promise<TaskRow> => {
      const { task } = await count(what, () => inbox.waitForNew(expertId, { participationId: id }, seen));
      seen.add(task.id);
      return task;
    };
    const position = await next(experts[0], 'position task');
    await count('deliver the position', () => api.completeTask(position));
    await count('approve the mandate', () => api.stepWhenReady(id, 'mandate-decision', { decision: 'approve', actorId: APPROVER }));
    for (let session = 1; session <= SESSIONS; session += 1) {
      const lead = experts[(session - 1) % experts.length];
      for (const kind of ['attendance', 'debrief']) {
        const task = await next(lead, `session ${session} ${kind} task`);
        await count(`complete session ${session} ${kind}`, () => api.completeTask(task));
        await count('dashboard', () => api.get('/dashboard', COORDINATOR));
        await count('list', () => api.get('/participations?pageSize=20', COORDINATOR));
      }
    }
    const closing = { outcome: 'concluded', summary: 'Clos par l’essai d’endurance.', actorId: COORDINATOR };
    await count('close', () => api.stepWhenReady(id, 'close', closing));
    tally.journeys += 1;
  } catch (err) {
    throw new Error(`journey ${key}, ${step}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
