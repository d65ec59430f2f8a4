import { randomUUID } from 'node:crypto';
import { launchBodies } from '../helpers/kind-fixtures';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/*
 * The reference lists over HTTP: seeded with the plan's forums, read by
 * anyone signed in (paginated, filtered, French and English names), kept by
 * admins (added, changed, retired, never deleted), and checked at launch: a
 * code not in its list, or retired, is a 400 naming the field, in the
 * caller's language. Entries this file adds have codes of its own.
 */
describe('reference data: forums, countries and states, offices', () => {
  let stack: TestStack;
  const suffix = randomUUID().slice(0, 6);

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
  });
  afterAll(() => stack?.close());

  it('is seeded with the plan’s forums and organizations, in French and English', async () => {
    const res = await stack.http('expert-tremblay').get('/reference/forums').query({ pageSize: 500 }).expect(200);
    const codes = res.body.items.map((f: { code: string }) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['wto', 'unesco', 'oas', 'world-bank', 'aer', 'regleg', 'partner-regions', 'spp', 'canada-eu']),
    );
    expect(res.body.items.find((f: { code: string }) => f.code === 'world-bank')).toEqual({
      code: 'world-bank',
      nameFr: 'Banque mondiale',
      nameEn: 'World Bank',
      type: 'organization',
      retired: false,
      retiredAt: null,
    });
  });

  it('filters and pages: a search in either language, a type, the states of a country, open offices', async () => {
    const search = await stack.http().get('/reference/forums').query({ search: 'BANQUE' }).expect(200);
    expect(search.body.items.map((f: { code: string }) => f.code)).toEqual(['world-bank']);
    const states = await stack.http().get('/reference/countries').query({ countryCode: 'mx', type: 'federated-state' }).expect(200);
    expect(states.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['mx-cmx', 'mx-jal', 'mx-nle']));
    expect(states.body.items.every((c: { countryCode: string }) => c.countryCode === 'mx')).toBe(true);
    const page = await stack.http().get('/reference/countries').query({ type: 'country', pageSize: 2, page: 2 }).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(20);
    const offices = await stack.http().get('/reference/offices').query({ countryCode: 'us', status: 'open' }).expect(200);
    expect(offices.body.items.find((o: { code: string }) => o.code === 'boston')).toMatchObject({
      nameFr: 'Délégation du Québec à Boston',
      city: 'Boston',
      countryCode: 'us',
      type: 'delegation',
      status: 'open',
    });
    const bad = await stack.http().get('/reference/offices').query({ retired: 'maybe', pageSize: 501 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'retired']);
  });

  it('lets admins add, change and retire an entry, whose code never changes; others get 403', async () => {
    const code = `summit-${suffix}`;
    const body = { code, nameFr: 'Sommet des Amériques', nameEn: 'Summit of the Americas', type: 'forum' };
    await stack.http('coord-lavoie').post('/reference/forums').send(body).expect(403);
    expect((await stack.http('admin').post('/reference/forums').send(body).expect(201)).body).toMatchObject({ code, retired: false });
    const again = await stack.http('admin').post('/reference/forums').send(body).set('Accept-Language', 'en').expect(409);
    expect(again.body.message).toContain(code);
    const changed = await stack.http('admin').patch(`/reference/forums/${code}`).send({ nameEn: 'Americas Summit' }).expect(200);
    expect(changed.body).toMatchObject({ code, nameFr: 'Sommet des Amériques', nameEn: 'Americas Summit' });
    await stack.http('admin').patch(`/reference/forums/${code}`).send({ code: 'other' }).expect(400);
    await stack.http('admin').patch(`/reference/forums/nowhere-${suffix}`).send({ nameEn: 'x' }).expect(404);

    await stack
      .http()
      .post('/participations')
      .send(wtoLaunchBody({ forum: code }))
      .expect(201);
    const retired = await stack.http('admin').post(`/reference/forums/${code}/retire`).expect(200);
    expect(retired.body).toMatchObject({ code, retired: true, retiredAt: expect.any(String) });
    const listed = await stack.http().get('/reference/forums').query({ retired: 'true', search: code }).expect(200);
    expect(listed.body.items.map((f: { code: string }) => f.code)).toEqual([code]);
    expect((await stack.http().get('/reference/forums').query({ search: code }).expect(200)).body.items).toEqual([]);

    // Each change is in the directory's journal, with who made it.
    const journal = await stack
      .http('admin')
      .get('/directory/changes')
      .query({ target: `forums:${code}` })
      .expect(200);
    expect(journal.body.items.map((c: { action: string; actorId: string }) => [c.action, c.actorId]).reverse()).toEqual([
      ['reference.added', 'admin'],
      ['reference.changed', 'admin'],
      ['reference.retired', 'admin'],
    ]);

    // Retired: no new launch names it.
    const refused = await stack
      .http()
      .post('/participations')
      .send(wtoLaunchBody({ forum: code }))
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'forum', constraint: 'isForumCode' })]);
  });

  it('checks offices and states against the countries list', async () => {
    const office = {
      code: `office-${suffix}`,
      nameFr: 'Bureau du Québec à Monterrey',
      nameEn: 'Québec Office in Monterrey',
      type: 'office',
      city: 'Monterrey',
      countryCode: 'mx',
      status: 'planned',
    };
    await stack.http('admin').post('/reference/offices').send(office).expect(201);
    const wrong = await stack
      .http('admin')
      .post('/reference/offices')
      .send({ ...office, code: `office2-${suffix}`, countryCode: 'atlantis', status: 'dreamt' })
      .expect(400);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'countryCode', constraint: 'isCountryCode' }),
      expect.objectContaining({ field: 'status', constraint: 'isIn' }),
    ]);
    const state = { code: `us-xx-${suffix}`, nameFr: 'État d’essai', nameEn: 'Test state', type: 'federated-state', countryCode: 'us' };
    expect((await stack.http('admin').post('/reference/countries').send(state).expect(201)).body).toMatchObject({ countryCode: 'us' });
  });

  it('refuses at launch a forum, an organization or a country not in its list, one message per field, in French or English', async () => {
    const fr = await stack
      .http()
      .post('/participations')
      .send(wtoLaunchBody({ forum: 'omc' }))
      .expect(400);
    expect(fr.body.errors).toEqual([
      {
        field: 'forum',
        constraint: 'isForumCode',
        message: 'forum : « omc » n’est pas un forum ou une organisation en vigueur de la liste de référence.',
      },
    ]);
    const en = await stack
      .http()
      .post('/participations')
      .set('Accept-Language', 'en')
      .send(launchBodies.ratification({ targets: [{ country: 'xx', liaisonId: 'liaison-roy' }], targetCount: 1 }))
      .expect(400);
    expect(en.body.errors).toEqual([
      {
        field: 'targets.0.country',
        constraint: 'isCountryCode',
        message: 'targets.0.country: "xx" is not a country or federated state in use in the reference list.',
      },
    ]);
    // A malformed code is said as such, once: the list is not consulted.
    const malformed = await stack
      .http()
      .post('/participations')
      .send(wtoLaunchBody({ forum: 'Not A Code' }))
      .expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'forum', constraint: 'matches' })]);
  });

  it('tells the console which fields name a reference list', async () => {
    const doc = (await stack.http(null).get('/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.LaunchWtoRoundDto.properties.forum['x-reference']).toBe('forums');
    expect(schemas.RatificationTargetDto.properties.country['x-reference']).toBe('countries');
    expect(schemas.LaunchWashingtonWatchDto.properties.institutions['x-reference']).toBe('forums');
  });
});
