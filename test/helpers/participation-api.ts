import { processApi } from './process-api';
import type { TestStack } from './test-stack';
import { eventually } from './test-stack';

/** Small verbs over the HTTP API so that e2e tests read like the coordinator's steps. */
export function participationApi(stack: TestStack) {
  const http = stack.http;
  const steps = processApi(stack);
  return {
    /** Launched by the coordinator the body names (only an admin launches for someone else), `coord-lavoie` by default. */
    async launch(body: object): Promise<{ id: string; workflowId: string }> {
      const { coordinatorId } = body as { coordinatorId?: string };
      const res = await http(coordinatorId ?? 'coord-lavoie')
        .post('/participations')
        .send(body);
      // The refusal's reasons in the failure, not only its status.
      if (res.status !== 201) throw new Error(`launch answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async get(id: string) {
      return (await http().get(`/participations/${id}`).expect(200)).body;
    },
    async tasks(id: string): Promise<Array<Record<string, any>>> {
      return (await http().get(`/participations/${id}/tasks`).expect(200)).body;
    },
    /** Waits until the stored projection reaches `phase`. */
    async waitForPhase(id: string, phase: string, timeoutMs = 30_000) {
      return eventually(
        async () => {
          const body = (await http().get(`/participations/${id}`)).body;
          return body?.phase === phase ? body : undefined;
        },
        { timeoutMs, what: `participation ${id} to reach phase ${phase}` },
      );
    },
    /** Waits until `count` tasks of `kind` are open, and returns them. */
    async waitForOpenTasks(id: string, kind: string, count: number): Promise<Array<Record<string, any>>> {
      return eventually(
        async () => {
          const open = (await http().get(`/participations/${id}/tasks`)).body.filter(
            (t: Record<string, any>) => t.kind === kind && t.status === 'open',
          );
          return open.length === count ? open : undefined;
        },
        { what: `${count} open ${kind} task(s) on ${id}` },
      );
    },
    completeTask(taskId: string, actorId: string, summary = 'Position rédigée.') {
      return http(actorId)
        .post(`/tasks/${taskId}/complete`)
        .send({ deliverable: { summary, references: ['WT/L/1'] } });
    },
    /** A coordinator's step, sent with the token of `body.actorId` (the body itself does not carry it). */
    step(
      id: string,
      step: 'federal-response' | 'mandate-decision' | 'close' | 'cancel',
      body: { actorId: string } & Record<string, unknown>,
    ) {
      return steps.post(id, step, body);
    },
  };
}
