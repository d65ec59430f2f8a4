import { randomUUID } from 'node:crypto';
import { participationApi } from '../helpers/participation-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { launchBodies } from '../helpers/kind-fixtures';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

describe('participations API: validation, errors, listing, health and docs', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack();
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  describe('a bad launch body is a 400 that names each field and why', () => {
    it('lists every invalid field, in French by default', async () => {
      const res = await stack
        .http()
        .post('/participations')
        .send(wtoLaunchBody({ businessKey: 'Not A Slug', title: '', issueAreas: [], sessions: [{ date: 'tomorrow' }] }))
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'validation-failed' });
      expect(res.body.message).toBe('La requête contient des champs invalides.');
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['businessKey', 'title', 'issueAreas', 'sessions.0.date', 'sessions.0.leadExpertId']));
      const title = res.body.errors.find((e: { field: string }) => e.field === 'title');
      expect(title).toEqual({ field: 'title', constraint: 'isNotEmpty', message: 'title ne doit pas être vide.' });
    });

    it('answers in English when the caller asks for it', async () => {
      const res = await stack
        .http()
        .post('/participations')
        .set('Accept-Language', 'en-CA,en;q=0.9')
        .send(wtoLaunchBody({ title: '' }))
        .expect(400);
      expect(res.body.message).toBe('The request has invalid fields.');
      expect(res.body.errors).toEqual([{ field: 'title', constraint: 'isNotEmpty', message: 'title must not be empty.' }]);
    });

    it('refuses unknown fields and unknown kinds', async () => {
      const unknownField = await stack
        .http()
        .post('/participations')
        .send(wtoLaunchBody({ budget: 1e6 }))
        .expect(400);
      expect(unknownField.body.errors).toEqual([expect.objectContaining({ field: 'budget', constraint: 'whitelistValidation' })]);

      const unknownKind = await stack
        .http()
        .post('/participations')
        .send(wtoLaunchBody({ kind: 'g7-summit' }))
        .expect(400);
      expect(unknownKind.body.errors).toEqual([expect.objectContaining({ field: 'kind', constraint: 'isIn' })]);
      expect(unknownKind.body.errors[0].message).toContain('wto-round');

      const notAnObject = await stack.http().post('/participations').send([1, 2]).expect(400);
      expect(notAnObject.body.errors[0].field).toBe('kind');
    });

    it('refuses duplicate issue areas', async () => {
      const body = wtoLaunchBody({
        issueAreas: [
          { area: 'services', expertId: 'expert-a' },
          { area: 'services', expertId: 'expert-b' },
        ],
      });
      const res = await stack.http().post('/participations').send(body).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'issueAreas', constraint: 'arrayUnique' })]);
    });

    it('refuses malformed JSON and oversized bodies before they reach a workflow', async () => {
      const malformed = await stack
        .http()
        .post('/participations')
        .set('Content-Type', 'application/json')
        .send('{"kind": "wto-round",')
        .expect(400);
      expect(malformed.body.error).toBe('malformed-request');

      const huge = await stack
        .http()
        .post('/participations')
        .send(wtoLaunchBody({ title: 'x'.repeat(300_000) }))
        .expect(413);
      expect(huge.body.error).toBe('payload-too-large');
    });
  });

  it('launches once: the same business key again is a 409, decided by Temporal', async () => {
    const body = wtoLaunchBody();
    const first = await stack.http().post('/participations').send(body).expect(201);
    expect(first.body).toMatchObject({ workflowId: `wto-round/${body.businessKey}`, kind: 'wto-round', projected: true });
    const second = await stack
      .http()
      .post('/participations')
      .send({ ...body, title: 'Autre titre' })
      .expect(409);
    expect(second.body).toMatchObject({ error: 'duplicate' });
    expect(second.body.message).toContain(`wto-round/${body.businessKey}`);
    // Nothing half-written: still one participation for that key.
    const list = await stack.http().get('/participations').query({ kind: 'wto-round', pageSize: 100 }).expect(200);
    expect(list.body.items.filter((p: { businessKey: string }) => p.businessKey === body.businessKey)).toHaveLength(1);
  });

  it('answers 404 for an unknown participation or task, and 400 for an id that is not a UUID', async () => {
    const missing = await stack.http().get(`/participations/${randomUUID()}`).expect(404);
    expect(missing.body.error).toBe('not-found');
    expect(missing.body.message).toMatch(/^La participation « .+ » est introuvable\.$/);
    // An RFC 9457 problem, with the API's own members beside the standard ones.
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ type: 'urn:participations:error:not-found', status: 404, detail: missing.body.message });
    expect(missing.body.instance).toMatch(/^\/participations\//);
    await stack
      .http('expert-tremblay')
      .post(`/tasks/${randomUUID()}/complete`)
      .send({ deliverable: { summary: 's' } })
      .expect(404);
    await stack.http().post(`/participations/${randomUUID()}/cancel`).send({ reason: 'r' }).expect(404);
    const badId = await stack.http().get('/participations/not-a-uuid').expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id', constraint: 'isUUID' })]);
    await stack.http().get('/no-such-route').expect(404);
  });

  it('lets only its own coordinator (or an admin) cancel a participation, saying who may', async () => {
    const launched = await api.launch(wtoLaunchBody());
    const fr = await stack.http('dm-international').post(`/participations/${launched.id}/cancel`).send({ reason: 'r' }).expect(403);
    expect(fr.body).toMatchObject({ error: 'not-allowed' });
    expect(fr.body.message).toBe(
      'Seule la personne qui coordonne cette participation (coord-lavoie) ou un administrateur peut faire cette action.',
    );
    const en = await stack
      .http('dm-international')
      .post(`/participations/${launched.id}/cancel`)
      .set('Accept-Language', 'en')
      .send({ reason: 'r' });
    expect(en.body.message).toBe('Only this participation’s coordinator (coord-lavoie) or an administrator may do this.');
    expect((await api.get(launched.id)).status).toBe('active');
    await stack.http('admin').post(`/participations/${launched.id}/cancel`).send({ reason: 'Annulée par l’administration.' }).expect(200);
  });

  it('answers 409 for a step the participation’s kind does not have, in the caller’s language', async () => {
    const launched = await api.launch(wtoLaunchBody());
    const fr = await stack.http().post(`/participations/${launched.id}/monitoring/pause`).send({}).expect(409);
    expect(fr.body).toMatchObject({
      error: 'wrong-state',
      message: 'Cette participation (wto-round) n’a pas d’étape « pauseMonitoring ».',
    });
    const en = await stack
      .http()
      .post(`/participations/${launched.id}/round-decision`)
      .set('Accept-Language', 'en')
      .send({ decision: 'concluded' })
      .expect(409);
    expect(en.body.message).toBe('This participation (wto-round) has no "decideRound" step.');
  });

  it('answers 409 for moving a session of a kind without sessions, rather than a 202 nobody reads', async () => {
    const watch = await api.launch(launchBodies.washington());
    const res = await stack
      .http()
      .post(`/participations/${watch.id}/sessions/s1/reschedule`)
      .send({ date: '2027-06-01T09:00:00Z' })
      .expect(409);
    expect(res.body.message).toBe('Cette participation (washington-watch) n’a pas d’étape « rescheduleSession ».');
  });

  it('refuses list items that are not objects, naming the list, rather than failing later', async () => {
    const res = await stack
      .http()
      .post('/participations')
      // Well-formed inside, but one level too deep: this once passed validation and failed the launch with a 500.
      .send(
        wtoLaunchBody({
          sessions: [[{ date: '2027-03-01T09:00:00Z', leadExpertId: 'expert-tremblay' }]],
          issueAreas: [[{ area: 'agriculture', expertId: 'expert-tremblay' }]],
        }),
      )
      .expect(400);
    expect(res.body.errors.map((e: { field: string; constraint: string }) => `${e.field}:${e.constraint}`).sort()).toEqual([
      'issueAreas:isObject',
      'sessions:isObject',
    ]);
  });

  it('lists participations with filters and pagination', async () => {
    const forum = `forum-${randomUUID().slice(0, 6)}`;
    await stack.addForums([forum]);
    const launched = [];
    for (let i = 0; i < 3; i += 1) launched.push(await api.launch(wtoLaunchBody({ forum })));
    await Promise.all(launched.map((p) => api.waitForPhase(p.id, 'federal-coordination')));

    const page1 = await stack.http().get('/participations').query({ forum, pageSize: 2, page: 1 }).expect(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await stack.http().get('/participations').query({ forum, pageSize: 2, page: 2 }).expect(200);
    expect(page2.body.items).toHaveLength(1);
    const ids = [...page1.body.items, ...page2.body.items].map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(launched.map((p) => p.id).sort());
    // Past the last page: no row, and still the total its filters match.
    const past = await stack.http().get('/participations').query({ forum, pageSize: 2, page: 3 }).expect(200);
    expect(past.body).toMatchObject({ page: 3, pageSize: 2, total: 3, items: [] });

    const byPhase = await stack
      .http()
      .get('/participations')
      .query({ forum, kind: 'wto-round', phase: 'federal-coordination', status: 'active' })
      .expect(200);
    expect(byPhase.body.total).toBe(3);
    const none = await stack.http().get('/participations').query({ forum, phase: 'closing' }).expect(200);
    expect(none.body).toMatchObject({ total: 0, items: [] });

    const bad = await stack.http().get('/participations').query({ pageSize: 1000, kind: 'picnic' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'pageSize']);
  });

  it('reports PostgreSQL and Temporal on /health', async () => {
    const res = await stack.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await stack.http().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/participations', '/participations/{id}', '/participations/{id}/cancel', '/tasks/{id}/complete', '/health']),
    );
    expect(res.body.components.schemas.LaunchWtoRoundDto.required).toEqual(expect.arrayContaining(['businessKey', 'issueAreas']));
    await stack.http().get('/docs').expect(200);
  });
});
