import type { TestStack } from './test-stack';
import { eventually } from './test-stack';

/** HTTP verbs for the steps of every kind, beside participationApi's WTO-shaped ones. */
export function processApi(stack: TestStack) {
  const http = stack.http;
  return {
    post(id: string, path: string, body: object) {
      return http().post(`/participations/${id}/${path}`).send(body);
    },
    complete(taskId: string, actorId: string, fields?: Record<string, string>, summary = 'Livrable remis.') {
      return http().post(`/tasks/${taskId}/complete`).send({ actorId, deliverable: { summary, ...(fields ? { fields } : {}) } });
    },
    event(body: { id: string; type: string; data: object; occurredAt?: string }) {
      return http().post('/events').send(body);
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
