import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { recordFigures } from '../helpers/figures';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { answerProblems } from './answer-check';
import { acceptLanguage, anyText, mutatedBody } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

/** A CloudEvent that names no running participation: at best it is a 404, never a change. */
const validCloudEvent = () => ({
  specversion: '1.0',
  id: `fuzz-${randomUUID()}`,
  source: 'urn:fuzz',
  type: 'federal.response.received',
  subject: 'wto-round/fuzz-none',
  time: '2027-03-14T10:00:00Z',
  datacontenttype: 'application/json',
  data: { kind: 'wto-round', businessKey: 'fuzz-none', decision: 'granted' },
});

const CE_HEADERS = ['ce-specversion', 'ce-id', 'ce-source', 'ce-type', 'ce-subject', 'ce-time', 'ce-dataschema'] as const;
const headerValue = fc.oneof(
  fc.constantFrom('1.0', '0.3', '', ' ', 'federal.response.received', 'urn:x', '2027-03-14T10:00:00Z', 'x'.repeat(600)),
  fc.string({ maxLength: 40 }).filter((v) => /^[\x20-\x7e]*$/.test(v)),
);

/**
 * CloudEvents bodies (structured mode) and `ce-*` headers (binary mode) a
 * careless or hostile sender could send to `POST /events`: never a 5xx, every
 * 4xx saying why and naming the field (or header) at fault.
 */
describe('bad input: CloudEvents on POST /events, structured and binary', () => {
  let stack: TestStack;
  const count = { requests: 0, serverErrors: 0 };
  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'error' }, { worker: false });
  });
  afterAll(async () => {
    recordFigures('fuzz', count);
    await stack?.close();
  });

  async function check(send: () => Promise<{ status: number; body: unknown }>): Promise<void> {
    const res = await send();
    count.requests += 1;
    if (res.status >= 500) count.serverErrors += 1;
    const problems = answerProblems(res);
    if (problems.length > 0) throw new Error(`${res.status} ${problems.join('; ')}`);
  }

  it('structured mode: mutated CloudEvents never make a 5xx, and each 4xx names its fields', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(validCloudEvent()), acceptLanguage, async (body, language) =>
        check(async () => {
          const req = stack.service().post('/events').set('Content-Type', 'application/cloudevents+json');
          if (language !== undefined) req.set('Accept-Language', language);
          return req.send(JSON.stringify(body) ?? '');
        }),
      ),
      // Found by CI (seed -1711163624): a member named "" was refused under a field named nothing.
      { numRuns: RUNS, examples: [[{ '': false }, undefined]] },
    );
  }, 120_000);

  it('binary mode: any ce-* headers and any data never make a 5xx, and each 4xx names its header', async () => {
    const headers = fc.record(Object.fromEntries(CE_HEADERS.map((name) => [name, fc.option(headerValue, { nil: undefined })])));
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/cloudevents+json',
      'application/json; charset=utf-8',
    );
    await fc.assert(
      fc.asyncProperty(headers, contentType, fc.oneof(mutatedBody(validCloudEvent().data), anyText), async (h, type, data) =>
        check(async () => {
          const req = stack
            .service()
            .post('/events')
            .set('Content-Type', type)
            .set('ce-specversion', h['ce-specversion'] ?? '1.0');
          for (const [name, value] of Object.entries(h)) if (value !== undefined && name !== 'ce-specversion') req.set(name, value);
          return req.send(typeof data === 'string' ? data : JSON.stringify(data));
        }),
      ),
      { numRuns: RUNS },
    );
    expect(count.serverErrors).toBe(0);
  }, 120_000);
});
