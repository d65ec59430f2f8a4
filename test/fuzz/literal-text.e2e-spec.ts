import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { recordFigures } from '../helpers/figures';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';
import { storableText } from './arbitraries';
import { endpointsOf, type Endpoint } from './endpoints';

const text = (min: number, max: number) => storableText.filter((s) => s.length >= min && s.length <= max);
/** Text a person must write (a title, a summary): the API refuses one of only spaces, tabs or line breaks. */
const written = (max: number) => text(1, max).filter((s) => s.trim() !== '');

/**
 * Text goes in and comes back exactly (SQL, HTML, control characters, any
 * Unicode); a field the API does not know is refused by name; a body over the
 * limit is refused before anything reaches Temporal.
 */
describe('bad input: literal text, unknown fields, oversized bodies', () => {
  let stack: TestStack;
  const count = { requests: 0, serverErrors: 0 };
  const http = (as?: string) => {
    count.requests += 1;
    return stack.http(as);
  };

  let withBodies: Endpoint[];

  beforeAll(async () => {
    stack = await startTestStack();
    withBodies = endpointsOf((await stack.http(null).get('/docs-json').expect(200)).body).filter((e) => e.validBody);
  });
  /** An endpoint's path with random ids; admin may call every endpoint, so validation is what answers. */
  const asAdmin = (endpoint: Endpoint) => http('admin')[endpoint.method](endpoint.route.replace(/:\w+/g, () => randomUUID()));
  afterAll(async () => {
    recordFigures('fuzz', count);
    await stack?.close();
  });

  it('stores and returns titles literally, in PostgreSQL and in the workflow', async () => {
    await fc.assert(
      fc.asyncProperty(written(200), async (title) => {
        const launched = await http().post('/participations').send(wtoLaunchBody({ title })).expect(201);
        const read = await eventually(
          async () => {
            const res = await http().get(`/participations/${launched.body.id}`);
            return res.status === 200 && res.body.live ? res.body : undefined;
          },
          { what: 'the participation and its live state' },
        );
        expect(read.title).toBe(title);
        expect(read.live.title).toBe(title);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('stores and returns deliverables literally', async () => {
    const areas = Array.from({ length: 12 }, (_, i) => ({ area: `area-${i}`, expertId: `expert-${i}` }));
    // Twelve experts of their own, put in the directory so that they can sign in.
    await stack.addPeople(areas.map((a) => a.expertId));
    const api = participationApi(stack);
    const { id } = await api.launch(wtoLaunchBody({ issueAreas: areas }));
    await api.waitForPhase(id, 'federal-coordination');
    await api.step(id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const tasks = [...(await api.waitForOpenTasks(id, 'position', areas.length))];
    const deliverable = fc.record(
      {
        summary: written(4000),
        notes: text(0, 20000),
        references: fc.array(text(0, 500), { maxLength: 5 }),
        fields: fc.dictionary(text(0, 100), text(0, 4000), { maxKeys: 5 }),
      },
      { requiredKeys: ['summary'] },
    );
    await fc.assert(
      fc.asyncProperty(deliverable, async (sent) => {
        const task = tasks.pop()!;
        const done = await http(task.assigneeId).post(`/tasks/${task.id}/complete`).send({ deliverable: sent }).expect(200);
        expect(done.body.deliverable).toEqual(sent);
        expect((await http(task.assigneeId).get(`/tasks/${task.id}`).expect(200)).body.deliverable).toEqual(sent);
      }),
      { numRuns: areas.length },
    );
  }, 120_000);

  it('refuses a field it does not know, naming it, in every body and in the query', async () => {
    const unknownName = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `extra${s}`);
    expect(withBodies.length).toBeGreaterThan(10);
    for (const endpoint of withBodies) {
      await fc.assert(
        fc.asyncProperty(unknownName, fc.jsonValue(), async (name, value) => {
          const res = await asAdmin(endpoint)
            .send({ ...endpoint.validBody!(), [name]: value })
            .expect(400);
          expect(res.body.errors).toContainEqual(expect.objectContaining({ field: name, constraint: 'whitelistValidation' }));
        }),
        { numRuns: 15 },
      );
    }
    await fc.assert(
      fc.asyncProperty(unknownName, async (name) => {
        const res = await http()
          .get('/participations')
          .query({ [name]: '1' })
          .expect(400);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ field: name, constraint: 'whitelistValidation' }));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('refuses oversized bodies with 413 before they reach a workflow', async () => {
    for (const endpoint of withBodies) {
      const huge = endpoint.route.startsWith('/codec') ? 'x'.repeat(5 * 1024 * 1024) : 'x'.repeat(300 * 1024);
      const body = { ...endpoint.validBody!(), padding: huge };
      const res = await asAdmin(endpoint).send(body).expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'payload-too-large' });
      if ('businessKey' in body) {
        expect(await stack.client.workflow.count(`WorkflowId = 'wto-round/${body.businessKey as string}'`)).toMatchObject({ count: 0 });
      }
    }
  }, 60_000);
});
