import { setTimeout as delay } from 'node:timers/promises';

/** A task row as the API returns it (the fields the bench reads). */
export interface TaskRow {
  id: string;
  participationId: string;
  kind: string;
  stepKey: string;
  assigneeId: string | null;
  status: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    method: string,
    path: string,
    body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 300)}`);
  }
}

/**
 * The product's HTTP API as the bench's simulated people use it. Every call
 * is made as someone (`actorId`): today the actor is named in the body;
 * when authentication lands, `callerHeaders` is the one place that adds the token.
 */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async launch(body: object, as: string): Promise<{ id: string; workflowId: string; projected: boolean }> {
    return this.send('POST', '/participations', as, body, 201);
  }

  async tasksOf(participationId: string, as: string): Promise<TaskRow[]> {
    return this.send('GET', `/participations/${participationId}/tasks`, as);
  }

  async completeTask(taskId: string, actorId: string): Promise<void> {
    await this.send('POST', `/tasks/${taskId}/complete`, actorId, {
      actorId,
      deliverable: { summary: 'Compte rendu rédigé.', references: ['WT/BENCH/1'] },
    });
  }

  /**
   * A step the API refuses until the participation gets there: 404 before the
   * worker has written the projection, 409 before the workflow reaches the phase.
   * Retried until accepted.
   */
  async stepWhenReady(participationId: string, step: 'federal-response' | 'mandate-decision', body: { actorId: string } & Record<string, unknown>, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        return await this.send('POST', `/participations/${participationId}/${step}`, body.actorId, body);
      } catch (err) {
        if (!(err instanceof HttpError && (err.status === 404 || err.status === 409)) || Date.now() > deadline) throw err;
      }
      await delay(pause);
    }
  }

  async health(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseUrl}/health`)).ok;
    } catch {
      return false;
    }
  }

  private async send<T>(method: string, path: string, as: string, body?: object, expected = 200): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...callerHeaders(as), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status !== expected) throw new HttpError(response.status, method, path, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Who is calling. Empty until authentication (issue 4) lands; then a bearer token for `actorId`. */
function callerHeaders(_actorId: string): Record<string, string> {
  return { 'accept-language': 'fr' };
}

/**
 * Where an expert sees the tasks waiting for them. Today the API has no
 * inbox endpoint, so the bench reads the participation's tasks and keeps the
 * expert's open ones; when `GET /tasks?assignee=` lands, only this class changes.
 */
export class Inbox {
  constructor(private readonly api: ApiClient) {}

  async openTasks(expertId: string, scope: { participationId: string }): Promise<TaskRow[]> {
    const tasks = await this.api.tasksOf(scope.participationId, expertId);
    return tasks.filter((task) => task.assigneeId === expertId && (task.status === 'open' || task.status === 'claimed'));
  }

  /** Polls until a task not in `seen` shows up for the expert; returns it and when it was first seen. */
  async waitForNew(expertId: string, scope: { participationId: string }, seen: ReadonlySet<string>, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 20)) {
      const task = (await this.openTasks(expertId, scope)).find((candidate) => !seen.has(candidate.id));
      if (task) return { task, seenAt: performance.now() };
      if (Date.now() > deadline) throw new Error(`no new task for ${expertId} in ${scope.participationId} within ${timeoutMs} ms`);
      await delay(pause);
    }
  }
}
