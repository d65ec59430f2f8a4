import type request from 'supertest';
import { eventually, type HttpAs } from './test-stack';

/** Requests as a person (their bearer token), the coordinator by default. */
export type Http = (as?: string | null) => HttpAs;

const PEOPLE = { coordinatorId: 'coord-lavoie', approverId: 'dm-international' };

/**
 * Plays the people of a participation until it reaches `target`, from wherever
 * it stands: grants the seat, delivers every open task, approves (as
 * `approverId`), closes. The projection lags the workflow, so a step it
 * already took is refused with 409 and simply skipped; any other answer fails the drive.
 */
export async function driveTo(
  http: Http,
  id: string,
  target: string,
  { approverId = PEOPLE.approverId, timeoutMs = 90_000 }: { approverId?: string; timeoutMs?: number } = {},
): Promise<void> {
  await eventually(
    async () => {
      const res = await http().get(`/participations/${id}`);
      expectStatus(res, [200], `GET /participations/${id}`);
      const phase: string = res.body.phase;
      if (phase === target) return true;
      if (phase === 'federal-coordination') {
        await step(http(PEOPLE.coordinatorId), id, 'federal-response', { decision: 'granted' });
      } else if (phase === 'mandate-approval') {
        await step(http(approverId), id, 'mandate-decision', { decision: 'approve' });
      } else if (phase === 'nomination-approval') {
        await step(http(approverId), id, 'approval-decision', { decision: 'approve' });
      } else if (phase === 'closing') {
        await step(http(PEOPLE.coordinatorId), id, 'close', { outcome: 'concluded', summary: 'Clos par le test.' });
      } else {
        await completeOpenTasks(http, id);
      }
      return undefined;
    },
    { timeoutMs, intervalMs: 250, what: `participation ${id} to reach ${target}` },
  );
}

/** Plays the people of a WTO round until it is closed. */
export function driveToClose(http: Http, id: string, timeoutMs = 90_000): Promise<void> {
  return driveTo(http, id, 'closed', { timeoutMs });
}

export async function completeOpenTasks(http: Http, id: string): Promise<number> {
  const tasks = await http().get(`/participations/${id}/tasks`);
  expectStatus(tasks, [200], `GET /participations/${id}/tasks`);
  const open = (tasks.body as Array<{ id: string; status: string; assigneeId: string }>).filter((t) => t.status === 'open');
  for (const task of open) {
    const res = await http(task.assigneeId)
      .post(`/tasks/${task.id}/complete`)
      .send({ deliverable: { summary: 'Livré par le test.' } });
    expectStatus(res, [200, 409], `completing task ${task.id}`);
  }
  return open.length;
}

async function step(as: HttpAs, id: string, name: string, body: object): Promise<void> {
  expectStatus(await as.post(`/participations/${id}/${name}`).send(body), [200, 409], `${name} on ${id}`);
}

function expectStatus(res: request.Response, allowed: number[], what: string): void {
  if (!allowed.includes(res.status)) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/** A WTO round launch body: one issue area, the given session dates. */
export function roundBody(businessKey: string, sessionDates: string[] = []) {
  return {
    kind: 'wto-round',
    businessKey,
    title: 'Cycle de Doha — épreuve de fiabilité',
    forum: 'wto',
    coordinatorId: PEOPLE.coordinatorId,
    issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
    mandateApproverIds: [PEOPLE.approverId],
    sessions: sessionDates.map((date) => ({ date, leadExpertId: 'expert-nguyen' })),
  };
}
