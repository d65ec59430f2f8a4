import { Like } from 'typeorm';
import { ExternalEventEntity, ParticipationEntity, TaskEntity } from '../../../libs/persistence/src';
import { answerProblems } from '../../fuzz/answer-check';
import { recordFigures } from '../../helpers/figures';
import { startTestStack, type TestStack } from '../../helpers/test-stack';
import { ACCESS_TABLE, intendedStatus, type AccessRequest, type AccessRow } from './access-table';
import { callerHeaders, CALLERS, isPerson, isService, type CallerName } from './callers';
import { accessFixtures, type AccessFixtures } from './fixtures';

interface Answer {
  row: AccessRow;
  caller: CallerName;
  intended: number;
  status: number;
  problems: string[];
}

/**
 * Every endpoint against every caller: one person per role, two who hold
 * nothing here, and every kind of bad token. Each answer must be the one the
 * access table intends (401, 403, 404 or the endpoint's success), in the API's
 * error shape; the refused calls must change nothing.
 */
describe('access: every endpoint x every caller', () => {
  let stack: TestStack;
  let fixtures: AccessFixtures;
  let headers: Awaited<ReturnType<typeof callerHeaders>>;
  const answers: Answer[] = [];

  beforeAll(async () => {
    // Tokens must name the run's identity provider and the API's audience: another issuer's, or another application's, are refused.
    stack = await startTestStack({ LOG_LEVEL: 'error', CONSULTATION_PERIOD: '3s' }, { listen: true });
    fixtures = accessFixtures(stack);
    headers = await callerHeaders(stack);
    await fixtures.round();
  }, 120_000);

  afterAll(async () => {
    const unexpected = answers.filter((a) => a.status !== a.intended || a.problems.length > 0).length;
    recordFigures('access', { endpoints: ACCESS_TABLE.length, callers: CALLERS.length, answers: answers.length, unexpected });
    await stack?.close();
  });

  async function send(row: AccessRow, caller: CallerName, request: AccessRequest): Promise<Answer> {
    const [method] = row.endpoint.split(' ');
    const authorization = headers[caller];
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const abort = new AbortController();
    const res = await fetch(`${stack.baseUrl}${request.path}`, {
      method,
      headers: { ...(authorization ? { Authorization: authorization } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body,
      signal: abort.signal,
    });
    const intended = intendedStatus(row, caller);
    let problems: string[] = [];
    if (row.stream && res.status < 400) {
      abort.abort(); // a stream never ends: its status is the answer
    } else {
      const text = await res.text();
      const json = (res.headers.get('content-type') ?? '').includes('json') ? safeJson(text) : undefined;
      problems = res.status >= 400 ? answerProblems({ status: res.status, body: json }) : [];
    }
    return { row, caller, intended, status: res.status, problems };
  }

  it('has a row for every endpoint the API documents, and documents every row not marked otherwise', async () => {
    const document = await (await fetch(`${stack.baseUrl}/docs-json`)).json();
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const rows = ACCESS_TABLE.filter((r) => !r.undocumented).map((r) => r.endpoint);
    expect([...rows].sort()).toEqual([...documented].sort());
    expect(new Set(ACCESS_TABLE.map((r) => r.endpoint)).size).toBe(ACCESS_TABLE.length);
  });

  it('answers every call at the shared fixtures as intended (every refusal, reads, signals), and the refusals change nothing', async () => {
    // Every shared fixture exists before the count starts.
    await Promise.all(ACCESS_TABLE.map((row) => row.request(fixtures)));
    const before = await snapshot();
    // Refusals, and the accepted calls that need nothing of their own (reads, signals, the codec).
    const shared = cells().filter(({ row, caller }) => intendedStatus(row, caller) >= 400 || !row.fresh);
    await inBatches(shared, 8, async ({ row, caller }) => {
      answers.push(await send(row, caller, await row.request(fixtures)));
    });
    expect(answers.length).toBeGreaterThan(ACCESS_TABLE.length * 5);
    expect(describeUnexpected(answers)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 180_000);

  it('lets in every caller the table lets in, each at a fixture of its own', async () => {
    const accepted = cells().filter(({ row, caller }) => intendedStatus(row, caller) < 400 && row.fresh);
    expect(accepted.length).toBeGreaterThan(20);
    const mine: Answer[] = [];
    await inBatches(accepted, 6, async ({ row, caller }) => {
      if (!isPerson(caller) && !isService(caller)) throw new Error(`${caller} cannot be let in`);
      mine.push(await send(row, caller, await row.fresh!(fixtures, caller)));
    });
    answers.push(...mine);
    expect(describeUnexpected(mine)).toEqual([]);
  }, 300_000);

  function cells(): Array<{ row: AccessRow; caller: CallerName }> {
    return ACCESS_TABLE.flatMap((row) => CALLERS.map((caller) => ({ row, caller })));
  }

  /**
   * What a refused call could have written: participations and events under
   * this suite's keys (other suites run beside it), and the shared round's tasks as they stand.
   */
  async function snapshot() {
    const { id } = await fixtures.round();
    const tasks = await stack.dataSource.getRepository(TaskEntity).find({ where: { participationId: id }, order: { id: 'ASC' } });
    return {
      participations: await stack.dataSource.getRepository(ParticipationEntity).countBy({ businessKey: Like('access-%') }),
      events: await stack.dataSource.getRepository(ExternalEventEntity).countBy({ eventId: Like('access-%') }),
      tasks: tasks.map((t) => ({ id: t.id, status: t.status, assigneeId: t.assigneeId, dueAt: t.dueAt, priority: t.priority })),
    };
  }
});

function describeUnexpected(answers: Answer[]): string[] {
  return answers
    .filter((a) => a.status !== a.intended || a.problems.length > 0)
    .map(
      (a) =>
        `${a.row.endpoint} as ${a.caller}: ${a.status} (intended ${a.intended})${a.problems.length ? ` ${a.problems.join('; ')}` : ''}`,
    );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items`, `size` at a time. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}
