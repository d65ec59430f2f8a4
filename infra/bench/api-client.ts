import { setTimeout as delay } from 'node:timers/promises';

/** A task row as the API returns it (the fields the bench reads). */
export interface TaskRow {
  id: string;
  participationId: string;
  kind: string;
  stepKey: string;
  assigneeId: string | null;
  status: string;
  /** Fields the deliverable must carry (a session's attendance: `attended`, yes or no). */
  requiredFields?: Record<string, { type: string; values?: string[] }>;
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

/** People signing in at once in `signIn`. */
const SIGN_IN_BATCH = 20;

/** Who a bench person is to the API: a bearer token for them. */
export type Credentials = (actorId: string) => Promise<string>;

/**
 * The product's HTTP API as the bench's simulated people use it. Every call
 * is made as someone (`actorId`), with that person's bearer token.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials,
    /** Puts the people a launch body names in the directory first (the API refuses anyone it does not know). */
    private readonly enrol: (people: string[]) => Promise<unknown> = () => Promise.resolve(),
  ) {}

  async launch(body: object, as: string): Promise<{ id: string; workflowId: string; projected: boolean }> {
    await this.enrol(peopleNamedIn(body));
    return this.send('POST', '/participations', as, body, 201);
  }

  /**
   * Each of these people signs in ahead, as a person is signed in before they
   * open a page: their token and directory entry made once, then `GET /me` as
   * the console asks at sign-in. A timed request then measures the API as a
   * signed-in person meets it, not the bench's signing of a first token.
   */
  async signIn(people: string[]): Promise<void> {
    for (let i = 0; i < people.length; i += SIGN_IN_BATCH) {
      await Promise.all(people.slice(i, i + SIGN_IN_BATCH).map((id) => this.get('/me', id)));
    }
  }

  /** Any GET, as `as`: its parsed answer. */
  get<T = unknown>(path: string, as: string): Promise<T> {
    return this.send('GET', path, as);
  }

  /** Delivers the task as its assignee, its required fields filled as a person would (the first choice, themselves, a date, a text). */
  async completeTask(task: Pick<TaskRow, 'id' | 'assigneeId' | 'requiredFields'>): Promise<void> {
    const fields = Object.entries(task.requiredFields ?? {}).map(([name, rule]): [string, string] => [
      name,
      fieldValue(rule, task.assigneeId as string),
    ]);
    await this.send('POST', `/tasks/${task.id}/complete`, task.assigneeId as string, {
      deliverable: {
        summary: 'Compte rendu rédigé.',
        references: ['WT/BENCH/1'],
        ...(fields.length ? { fields: Object.fromEntries(fields) } : {}),
      },
    });
  }

  /**
   * A step the API refuses until the participation gets there: 404 before the
   * worker has written the projection, 409 before the workflow reaches the phase.
   * Retried until accepted.
   */
  async stepWhenReady(
    participationId: string,
    step: 'federal-response' | 'mandate-decision' | 'close',
    body: { actorId: string } & Record<string, unknown>,
    timeoutMs = 60_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        const { actorId, ...rest } = body;
        return await this.send('POST', `/participations/${participationId}/${step}`, actorId, rest);
      } catch (err) {
        if (!(err instanceof HttpError && (err.status === 404 || err.status === 409)) || Date.now() > deadline) throw err;
      }
      await delay(pause);
    }
  }

  /** POST /events with a service's token: 201 when recorded, 200 for a duplicate; 404 (no participation yet) retried until `timeoutMs`. */
  async postEvent(event: { id: string; type: string; data: object }, serviceToken: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const response = await fetch(`${this.baseUrl}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${serviceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      const text = await response.text();
      if (response.status === 201 || response.status === 200) return;
      if (response.status !== 404 || Date.now() > deadline) throw new HttpError(response.status, 'POST', '/events', text);
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
      headers: {
        authorization: `Bearer ${await this.credentials(as)}`,
        'accept-language': 'fr',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status !== expected) throw new HttpError(response.status, method, path, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Where an expert sees the tasks waiting for them: `GET /tasks`, as the inbox page asks it. */
export class Inbox {
  constructor(private readonly api: ApiClient) {}

  /** The expert's own open tasks in one participation. */
  async openTasks(expertId: string, scope: { participationId: string }): Promise<TaskRow[]> {
    const query = new URLSearchParams({
      participationId: scope.participationId,
      assigneeId: expertId,
      status: 'open,claimed',
      pageSize: '100',
    });
    return (await this.api.get<{ items: TaskRow[] }>(`/tasks?${query}`, expertId)).items;
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

function fieldValue(rule: { type: string; values?: string[] }, assigneeId: string): string {
  if (rule.type === 'choice' && rule.values?.length) return rule.values[0];
  if (rule.type === 'person') return assigneeId;
  if (rule.type === 'date') return new Date().toISOString();
  return 'Texte du banc d’essai.';
}

/** The identifiers a launch body gives in its `…Id` and `…Ids` fields, nested ones included. */
export function peopleNamedIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /Ids?$/.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => peopleNamedIn(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => peopleNamedIn(v, k));
  return [];
}
