import type { TestStack } from './test-stack';
import { eventually } from './test-stack';

/** HTTP verbs for the steps of every kind, beside participationApi's WTO-shaped ones. */
export function processApi(stack: TestStack) {
  const http = stack.http;
  return {
    /** A step sent with the token of `body.actorId` (the body itself does not carry it). */
    post(id: string, path: string, body: { actorId?: string } & Record<string, unknown>) {
      const { actorId, ...rest } = body;
      return http(actorId).post(`/participations/${id}/${path}`).send(rest);
    },
    /** Completes as `actorId`, claiming first a task that waits in a shared inbox. */
    complete(taskId: string, actorId: string, fields?: Record<string, string>, summary = 'Livrable remis.') {
      const send = async () => {
        const task = (await http(actorId).get(`/tasks/${taskId}`)).body;
        if (task?.assigneeId === null) await http(actorId).post(`/tasks/${taskId}/claim`).expect(200);
        return http(actorId)
          .post(`/tasks/${taskId}/complete`)
          .send({ deliverable: { summary, ...(fields ? { fields } : {}) } });
      };
      return {
        // Awaited directly, it sends without checking the status (as a supertest request does).
        then: <T>(resolve: (res: Awaited<ReturnType<typeof send>>) => T, reject?: (err: unknown) => T) => send().then(resolve, reject),
        /** Like supertest's expect(status): resolves with the response, fails on another status. */
        expect: async (status: number) => {
          const res = await send();
          if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
          return res;
        },
      };
    },
    /** An outside event, sent as the integration service (client credentials), as outside systems send them. */
    event(body: { id: string; type: string; data: object; occurredAt?: string }) {
      return stack.service().post('/events').send(body);
    },
    /** Waits until exactly `count` open tasks of `kind` exist, and returns them. */
    async openTasks(id: string, kind: string, count = 1): Promise<Array<Record<string, any>>> {
      return eventually(
        async () => {
          const tasks = (await http().get(`/participations/${id}/tasks`)).body as Array<Record<string, any>>;
          const open = tasks.filter((t) => t.kind === kind && t.status === 'open');
          return open.length === count ? open : undefined;
        },
        { what: `${count} open ${kind} task(s) on ${id}`, timeoutMs: 30_000 },
      );
    },
    /** Waits until the participation's stored status is no longer active. */
    async closed(id: string): Promise<Record<string, any>> {
      return eventually(
        async () => {
          const body = (await http().get(`/participations/${id}`)).body;
          return body?.status && body.status !== 'active' ? body : undefined;
        },
        { what: `participation ${id} to close`, timeoutMs: 30_000 },
      );
    },
  };
}

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
