import fc from 'fast-check';
import type { Response } from 'supertest';
import { recordFigures } from '../helpers/figures';
import { participationApi } from '../helpers/participation-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';
import { answerProblems } from './answer-check';
import {
  acceptLanguage,
  anyJson,
  bodyFraming,
  idempotencyKey,
  mutatedBody,
  pathSegment,
  queryString,
  type Framing,
} from './arbitraries';
import { ENDPOINTS, type Endpoint } from './endpoints';

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 250);

interface FuzzRequest {
  endpoint: Endpoint;
  id: string;
  query: string;
  body: unknown;
  framing: Framing;
  language?: string;
  key?: string;
}

/**
 * Property-based requests to every endpoint: bodies, queries, paths and
 * headers a careless or hostile caller could send. No answer may be a 5xx;
 * every 4xx must say why, naming the fields at fault.
 */
describe('bad input: every endpoint under fuzzed requests', () => {
  let stack: TestStack;
  const ids = { participation: [] as string[], task: [] as string[] };
  const count = { requests: 0, serverErrors: 0 };

  beforeAll(async () => {
    stack = await startTestStack();
    const api = participationApi(stack);
    const { id } = await api.launch(wtoLaunchBody());
    await api.waitForPhase(id, 'federal-coordination');
    await api.step(id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [task] = await api.waitForOpenTasks(id, 'position', 2);
    ids.participation.push(id);
    ids.task.push(task.id);
  });
  afterAll(async () => {
    recordFigures('fuzz', count);
    await stack?.close();
  });

  function requests(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> {
    return fc.record({
      endpoint: fc.constant(endpoint),
      id: endpoint.id ? pathSegment(ids[endpoint.id]) : fc.constant(''),
      query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, queryString(endpoint.queryKeys ?? ['page', 'x'])),
      body: endpoint.validBody ? fc.oneof({ weight: 4, arbitrary: mutatedBody(endpoint.validBody()) }, anyJson) : fc.constant(undefined),
      framing: bodyFraming,
      language: acceptLanguage,
      key: idempotencyKey,
    });
  }

  /** Sends one fuzzed request; undefined when the HTTP client itself refused to send it (an invalid header value). */
  async function send(r: FuzzRequest): Promise<Response | undefined> {
    const path = r.endpoint.route.replace(':id', r.id) + (r.query ? `?${r.query}` : '');
    const req = stack.http()[r.endpoint.method](path);
    if (r.language !== undefined) req.set('Accept-Language', r.language);
    if (r.key !== undefined) req.set('Idempotency-Key', r.key);
    if (r.endpoint.method === 'post') {
      const json = JSON.stringify(r.body) ?? '';
      const framed: Record<Framing, [string, string, Record<string, string>?]> = {
        json: ['application/json', json],
        'broken-json': ['application/json', json.slice(0, Math.max(1, Math.floor(json.length / 2)))],
        'text/plain': ['text/plain', json],
        'json-utf16': ['application/json; charset=utf-16', json],
        'gzip-claimed': ['application/json', json, { 'Content-Encoding': 'gzip' }],
        'br-claimed': ['application/json', json, { 'Content-Encoding': 'br' }],
        form: ['application/x-www-form-urlencoded', `a=${encodeURIComponent(json)}`],
      };
      const [type, payload, extra] = framed[r.framing];
      req.set('Content-Type', type).set(extra ?? {}).send(payload);
    }
    let res: Response;
    try {
      res = await req;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_INVALID_CHAR' || /Invalid character|unescaped characters/.test(String(err))) {
        return undefined;
      }
      throw err;
    }
    count.requests += 1;
    if (res.status >= 500) count.serverErrors += 1;
    return res;
  }

  it.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} ${e.route}`, e] as const))(
    '%s: no 5xx, and every 4xx names the field and the reason',
    async (_name, endpoint) => {
      await fc.assert(
        fc.asyncProperty(requests(endpoint), async (r) => {
          const res = await send(r);
          const problems = res ? answerProblems(res) : [];
          if (problems.length > 0) throw new Error(`${res!.status} ${problems.join('; ')}`);
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    },
    120_000,
  );
});
