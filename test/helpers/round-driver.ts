import type request from 'supertest';
import { eventually, type HttpAs } from './test-stack';

/** Requests as a person (their bearer token), the coordinator by default. */
export type Http = (as?: string | null) => HttpAs;

const PEOPLE = { coordinatorId: 'coord-lavoie', approverId: 'dm-international' };

/**
 * Plays the people of a participation until it reaches `target`, from wherever
 * it stands: grants the seat, delivers every open work task (its required
 * fields filled), approves (as `approverId`) and closes by their endpoints,
 * which cancel the approval and closing tasks. The projection lags the workflow, so a step it
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

interface DrivenTask {
  id: string;
  kind: string;
  status: string;
  assigneeId: string;
  requiredFields?: Record<string, { type: string; values?: string[] }>;
}

/** Decisions the driver takes by their own steps (the old endpoints), which then cancel their tasks. */
const DECIDED_BY_STEP = ['approval', 'closing'];

/** Completes every open work task, its required fields filled with the first value each accepts. */
export async function completeOpenTasks(http: Http, id: string): Promise<number> {
  const tasks = await http().get(`/participations/${id}/tasks`);
  expectStatus(tasks, [200], `GET /participations/${id}/tasks`);
  const open = (tasks.body as DrivenTask[]).filter((t) => t.status === 'open' && !DECIDED_BY_STEP.includes(t.kind));
  for (const task of open) {
    const fields = requiredFieldValues(task);
    const res = await http(task.assigneeId)
      .post(`/tasks/${task.id}/complete`)
      .send({ deliverable: { summary: 'Livré par le test.', ...(fields ? { fields } : {}) } });
    expectStatus(res, [200, 409], `completing task ${task.id}`);
  }
  return open.length;
}

/** A value each required field accepts (the attendance's `attended: yes`), or nothing when none is required. */
export function requiredFieldValues(task: Pick<DrivenTask, 'requiredFields'>): Record<string, string> | undefined {
  const entries = Object.entries(task.requiredFields ?? {});
  if (entries.length === 0) return undefined;
  const valueFor = (rule: { type: string; values?: string[] }) =>
    rule.type === 'choice'
      ? rule.values![0]
      : rule.type === 'person'
        ? 'expert-caron'
        : rule.type === 'date'
          ? new Date().toISOString()
          : 'Texte du test.';
  return Object.fromEntries(entries.map(([name, rule]) => [name, valueFor(rule)]));
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
