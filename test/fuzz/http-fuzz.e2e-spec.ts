import fc from 'fast-check';
import type { Response } from 'supertest';
import { recordFigures } from '../helpers/figures';
import { participationApi } from '../helpers/participation-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';
import { answerProblems } from './answer-check';
import { acceptLanguage, anyJson, bodyFraming, idempotencyKey, mutatedBody, pathSegment, queryString, type Framing } from './arbitraries';
import { CountryEntity, ForumEntity, GroupEntity, OfficeEntity } from '../../libs/persistence/src';
import { endpointsOf, FUZZ_GROUP, FUZZ_LEAVER, FUZZ_PERSON, NOT_FUZZED, type Endpoint } from './endpoints';

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 120);

/** Who calls: mostly people allowed to (coordinator, admin), some who are not, no token, a forged one. */
const CALLERS = ['coord-lavoie', 'coord-lavoie', 'admin', 'sup-gagnon', 'expert-tremblay', 'integration', null, 'forged'] as const;

interface FuzzRequest {
  endpoint: Endpoint;
  ids: string[];
  query: string;
  body: unknown;
  framing: Framing;
  caller: (typeof CALLERS)[number];
  language?: string;
  key?: string;
}

/**
 * Property-based requests to every endpoint of the OpenAPI document: bodies,
 * queries, paths, headers and callers a careless or hostile client could send.
 * No answer may be a 5xx; every 4xx must say why, naming the fields at fault.
 */
describe('bad input: every endpoint under fuzzed requests', () => {
  let stack: TestStack;
  let endpoints: Endpoint[];
  const ids: Record<string, string[]> = { participation: [], task: [] };
  const count = { requests: 0, serverErrors: 0 };

  beforeAll(async () => {
    // Errors only: forged tokens and refused requests by the thousand would fill the output with warnings.
    stack = await startTestStack({ LOG_LEVEL: 'error' });
    const api = participationApi(stack);
    const { id } = await api.launch(wtoLaunchBody());
    await api.waitForPhase(id, 'federal-coordination');
    await api.step(id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [task] = await api.waitForOpenTasks(id, 'position', 2);
    ids.participation.push(id);
    ids.task.push(task.id);
    // The directory entries the admin endpoints may change: the fuzzer's own.
    await stack.addPeople([FUZZ_PERSON, FUZZ_LEAVER]);
    await stack.dataSource.getRepository(GroupEntity).upsert({ code: FUZZ_GROUP, nameFr: 'Groupe fuzz', nameEn: 'Fuzz group' }, ['code']);
    // The reference entries too (`:code` is FUZZ_GROUP on every route): retiring or renaming them touches no other file's.
    const entry = { code: FUZZ_GROUP, nameFr: 'Entrée fuzz', nameEn: 'Fuzz entry' };
    await stack.dataSource.getRepository(ForumEntity).upsert({ ...entry, type: 'forum' }, ['code']);
    await stack.dataSource.getRepository(CountryEntity).upsert({ ...entry, type: 'region', countryCode: 'us' }, ['code']);
    const office = { ...entry, type: 'office', city: 'Fuzz', countryCode: 'us', status: 'planned' };
    await stack.dataSource.getRepository(OfficeEntity).upsert(office, ['code']);
    endpoints = endpointsOf((await stack.http(null).get('/docs-json').expect(200)).body);
  });
  /** Subscriptions the fuzzer made: deactivated at the end, so that a mutated filter never sends other files' events anywhere. */
  const subscriptions: string[] = [];
  afterAll(async () => {
    if (subscriptions.length > 0) {
      await stack.dataSource.query(`UPDATE webhook_subscriptions SET active = false WHERE id = ANY($1)`, [subscriptions]);
    }
    recordFigures('fuzz', count);
    await stack?.close();
  });

  it('fuzzes every endpoint the API documents, but the one that streams forever', () => {
    const names = endpoints.map((e) => `${e.method.toUpperCase()} ${e.route}`);
    expect(names.length).toBeGreaterThan(25);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /participations',
        'POST /tasks/:id/complete',
        'POST /codec/decode',
        'GET /health',
        'POST /tasks/reassign',
        'GET /people',
        'POST /people',
        'PATCH /people/:id',
        'PUT /people/:id/absence',
        'PUT /me/absence',
        'DELETE /me/absence',
        'POST /groups/:code/deactivate',
        'GET /directory/changes',
        'GET /reference/forums',
        'POST /reference/offices',
        'POST /reference/countries/:code/retire',
        'GET /reports/plan',
        'POST /webhooks/subscriptions',
        'POST /webhooks/dead-letters/:id/replay',
      ]),
    );
    expect(names).not.toContain(Object.keys(NOT_FUZZED)[0]);
  });

  function realIds(endpoint: Endpoint, param: string): string[] {
    if (param === 'code') return [FUZZ_GROUP];
    if (param !== 'id') return ['s1', 'm1'];
    if (endpoint.route.startsWith('/people')) return [FUZZ_PERSON];
    return endpoint.route.startsWith('/tasks') ? ids.task : ids.participation;
  }

  function requests(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> {
    const writes = endpoint.method !== 'get';
    return fc.record({
      endpoint: fc.constant(endpoint),
      ids: fc.tuple(...endpoint.params.map((param) => pathSegment(realIds(endpoint, param)))),
      query: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, queryString(['page', 'pageSize', 'kind', 'status', 'x'])),
      body: writes ? fc.oneof({ weight: 4, arbitrary: mutatedBody(endpoint.validBody?.() ?? {}) }, anyJson) : fc.constant(undefined),
      framing: bodyFraming,
      caller: fc.constantFrom(...CALLERS),
      language: acceptLanguage,
      key: idempotencyKey,
    });
  }

  /** Sends one fuzzed request; undefined when the HTTP client itself refused to send it (an invalid header value). */
  async function send(r: FuzzRequest): Promise<Response | undefined> {
    let i = 0;
    const path = r.endpoint.route.replace(/:\w+/g, () => r.ids[i++]) + (r.query ? `?${r.query}` : '');
    const as =
      r.caller === 'forged'
        ? stack.withToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.Zm9yZ2Vk')
        : r.caller === 'integration'
          ? stack.service('integration')
          : stack.http(r.caller);
    const req = as[r.endpoint.method](path);
    if (r.language !== undefined) req.set('Accept-Language', r.language);
    if (r.key !== undefined) req.set('Idempotency-Key', r.key);
    if (r.endpoint.method !== 'get') {
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
      req
        .set('Content-Type', type)
        .set(extra ?? {})
        .send(payload);
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
    if (res.status === 201 && r.endpoint.route === '/webhooks/subscriptions') subscriptions.push((res.body as { id: string }).id);
    return res;
  }

  it('never answers 5xx, and names the field and the reason in every 4xx', async () => {
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(requests(endpoint), async (r) => {
          const res = await send(r);
          const problems = res ? answerProblems(res) : [];
          if (problems.length > 0)
            throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.route}: ${res!.status} ${problems.join('; ')}`);
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    }
  }, 300_000);
});
