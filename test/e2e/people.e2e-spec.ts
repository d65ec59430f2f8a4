import { randomUUID } from 'node:crypto';
import { participationApi } from '../helpers/participation-api';
import { processApi } from '../helpers/process-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { launchBodies } from '../helpers/kind-fixtures';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

type Problem = { field: string; constraint: string; message: string };
const problems = (body: { errors?: Problem[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.constraint}`).sort();

/** People and groups as data, and every person and group a request names checked against them. */
describe('people: the directory, and every person named checked', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  // Ids of this file's own: other test files run beside it on the same database.
  const suffix = randomUUID().slice(0, 8);
  const id = (name: string) => `${name}-${suffix}`;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '0' });
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  async function roundInDrafting(body: object) {
    const launched = await api.launch(body);
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await api.waitForPhase(launched.id, 'position-drafting');
    return launched;
  }

  describe('the directory', () => {
    it('finds people by name or id, role, group and expertise, paged; e-mail addresses only for admins', async () => {
      const found = (await stack.http('expert-roy').get('/people').query({ search: 'SOPHIE TREMB' }).expect(200)).body;
      expect(found).toMatchObject({ page: 1, pageSize: 20, total: 1 });
      expect(found.items).toEqual([
        {
          id: 'expert-tremblay',
          displayName: 'Sophie Tremblay',
          roles: ['expert'],
          groups: ['wto-experts'],
          organization: 'MAPAQ',
          expertiseAreas: ['agriculture'],
          languages: ['fr', 'en'],
          active: true,
        },
      ]);
      const members = (await stack.http('expert-roy').get('/people').query({ group: 'wto-experts', role: 'expert' }).expect(200)).body;
      expect(members.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['expert-tremblay', 'expert-nguyen']));
      const culture = (await stack.http().get('/people').query({ expertise: 'culture', pageSize: 2 }).expect(200)).body;
      expect(culture.items).toHaveLength(2);
      expect(culture.total).toBeGreaterThanOrEqual(3);
      const either = (await stack.http().get('/people').query({ role: 'supervisor,admin', pageSize: 100 }).expect(200)).body;
      expect(either.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['sup-gagnon', 'admin']));

      const asAdmin = (await stack.http('admin').get('/people/expert-tremblay').expect(200)).body;
      expect(asAdmin).toMatchObject({ email: 'sophie.tremblay@example.org', language: 'fr' });
      expect((await stack.http('expert-roy').get('/people/expert-tremblay').expect(200)).body.email).toBeUndefined();
      await stack.http().get('/people/nobody-here').expect(404);
      const bad = await stack.http().get('/people').query({ role: 'pilot', pageSize: 500 }).expect(400);
      expect(problems(bad.body)).toEqual(['pageSize:max', 'role:isIn']);
    });

    it('lets admins add, change, deactivate and reactivate people, journaled; others get 403', async () => {
      const person = { id: id('expert-new'), displayName: 'Nouvelle Experte', email: `${id('expert-new')}@example.org`, roles: ['expert'] };
      await stack.http('coord-lavoie').post('/people').send(person).expect(403);
      const added = await stack
        .http('admin')
        .post('/people')
        .send({ ...person, groups: ['wto-experts'], expertiseAreas: ['fisheries'] })
        .expect(201);
      expect(added.body).toMatchObject({ id: person.id, active: true, groups: ['wto-experts'], language: 'fr' });
      expect((await stack.http('admin').post('/people').send(person).expect(409)).body.error).toBe('duplicate');
      // A field left out takes its default; sent as null it is refused, naming it (it answered 500).
      const nulls = await stack
        .http('admin')
        .post('/people')
        .send({ ...person, id: id('expert-null'), language: null, roles: null })
        .expect(400);
      expect(nulls.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['language', 'roles']);
      const nullChange = await stack.http('admin').patch(`/people/${person.id}`).send({ language: null }).expect(400);
      expect(nullChange.body.errors).toEqual([expect.objectContaining({ field: 'language', constraint: 'isDefined' })]);

      const badGroup = await stack
        .http('admin')
        .patch(`/people/${person.id}`)
        .set('Accept-Language', 'en')
        .send({ groups: ['no-such-group'] })
        .expect(400);
      expect(badGroup.body.errors).toEqual([
        { field: 'groups.0', constraint: 'isActiveGroup', message: 'groups.0: "no-such-group" is not an active group of the directory.' },
      ]);
      const badBody = await stack
        .http('admin')
        .patch(`/people/${person.id}`)
        .send({ roles: ['pilot'], email: 'nope' })
        .expect(400);
      expect(problems(badBody.body)).toEqual(['email:isEmail', 'roles:isIn']);

      await stack
        .http('admin')
        .patch(`/people/${person.id}`)
        .send({ displayName: 'Experte renommée', roles: ['expert'] })
        .expect(200);
      await stack.http('admin').post(`/people/${person.id}/deactivate`).expect(200);
      // Deactivated: no longer found by default, no longer named anywhere.
      const active = (await stack.http().get('/people').query({ search: person.id }).expect(200)).body;
      expect(active.total).toBe(0);
      const inactive = (await stack.http().get('/people').query({ search: person.id, status: 'inactive' }).expect(200)).body;
      expect(inactive.items[0]).toMatchObject({ id: person.id, active: false });
      await stack.http('admin').post(`/people/${person.id}/reactivate`).expect(200);
      await stack.http('admin').post('/people/admin/deactivate').expect(403);

      const journal = (
        await stack
          .http('admin')
          .get('/directory/changes')
          .query({ target: `person:${person.id}` })
          .expect(200)
      ).body;
      expect(journal.items.map((c: { action: string }) => c.action)).toEqual([
        'person.reactivated',
        'person.deactivated',
        'person.changed',
        'person.added',
      ]);
      expect(journal.items[2]).toMatchObject({
        actorId: 'admin',
        oldValue: { displayName: 'Nouvelle Experte' },
        newValue: { displayName: 'Experte renommée' },
      });
      await stack.http('sup-gagnon').get('/directory/changes').expect(403);
    });

    it('honours a change made straight in the database at the next request, though the API keeps its callers in memory', async () => {
      const person = id('direct');
      await stack.addPeople([person], ['expert']);
      expect((await stack.http(person).get('/me').expect(200)).body.roles).toEqual(['expert']);
      // Well within the minute after which a kept caller is read again anyway: the change is heard, not waited out.
      const within = { timeoutMs: 3_000, what: 'the change to be seen' };

      await stack.dataSource.query(`UPDATE people SET roles = '{expert,coordinator}' WHERE id = $1`, [person]);
      await eventually(async () => {
        const me = (await stack.http(person).get('/me').expect(200)).body;
        return me.roles.includes('coordinator') ? me : undefined;
      }, within);

      await stack.dataSource.query(`UPDATE people SET active = false WHERE id = $1`, [person]);
      const refused = await eventually(async () => {
        const res = await stack.http(person).get('/me');
        return res.status === 403 ? res : undefined;
      }, within);
      expect(refused.body.error).toBe('not-allowed');

      await stack.dataSource.query(`DELETE FROM people WHERE id = $1`, [person]);
      await stack.http(person).get('/me').expect(403);
    });

    it('keeps groups as data: added, renamed, deactivated, each with its count of active members', async () => {
      const code = id('tf-culture');
      await stack.http('admin').post('/groups').send({ code, nameFr: 'Groupe culture', nameEn: 'Culture group' }).expect(201);
      await stack.http('admin').post('/groups').send({ code, nameFr: 'x', nameEn: 'x' }).expect(409);
      await stack.http('admin').patch(`/groups/${code}`).send({ nameEn: 'Culture task force' }).expect(200);
      const groups = (await stack.http('expert-roy').get('/groups').query({ pageSize: 100 }).expect(200)).body;
      expect(groups.items).toEqual(
        expect.arrayContaining([
          { code: 'wto-experts', nameFr: 'Experts de l’OMC', nameEn: 'WTO experts', active: true, activeMembers: expect.any(Number) },
          { code, nameFr: 'Groupe culture', nameEn: 'Culture task force', active: true, activeMembers: 0 },
        ]),
      );
      await stack.http('admin').post(`/groups/${code}/deactivate`).expect(200);
      const member = { id: id('member'), displayName: 'Membre', email: `${id('member')}@example.org`, groups: [code] };
      const refused = await stack.http('admin').post('/people').send(member).expect(400);
      expect(problems(refused.body)).toEqual(['groups.0:isActiveGroup']);
      const journal = (
        await stack
          .http('admin')
          .get('/directory/changes')
          .query({ target: `group:${code}` })
          .expect(200)
      ).body;
      expect(journal.items.map((c: { action: string }) => c.action)).toEqual(['group.deactivated', 'group.changed', 'group.added']);
    });
  });

  describe('a launch names only active people and groups', () => {
    it('refuses an unknown or inactive person, naming the field, in the caller’s language', async () => {
      const formerExpert = id('expert-former');
      await stack.addPeople([formerExpert]);
      await stack.http('admin').post(`/people/${formerExpert}/deactivate`).expect(200);
      const body = wtoLaunchBody({
        issueAreas: [
          { area: 'agriculture', expertId: 'ghost-expert' },
          { area: 'services', expertId: formerExpert },
        ],
        mandateApproverIds: ['dm-international', 'expert-roy'],
        sessions: [{ date: new Date(Date.now() + 3600_000).toISOString(), leadExpertId: 'sup-gagnon' }],
      });
      const fr = await stack.http().post('/participations').send(body).expect(400);
      expect(fr.body.errors).toEqual([
        {
          field: 'issueAreas.0.expertId',
          constraint: 'isActivePerson',
          message: 'issueAreas.0.expertId : « ghost-expert » n’est pas une personne active de l’annuaire.',
        },
        expect.objectContaining({ field: 'issueAreas.1.expertId', constraint: 'isActivePerson' }),
        {
          field: 'mandateApproverIds.1',
          constraint: 'hasPersonRole',
          message: 'mandateApproverIds.1 : « expert-roy » n’a pas le rôle demandé (coordinator).',
        },
        expect.objectContaining({ field: 'sessions.0.leadExpertId', constraint: 'hasPersonRole' }),
      ]);
      const en = await stack.http().post('/participations').set('Accept-Language', 'en').send(body).expect(400);
      expect(en.body.errors[0].message).toBe('issueAreas.0.expertId: "ghost-expert" is not an active person of the directory.');
      // Nothing was started.
      expect(
        await stack.client.workflow
          .getHandle(`wto-round/${body.businessKey}`)
          .describe()
          .catch(() => 'none'),
      ).toBe('none');
    });

    it('checks every person and group field of every kind: each is marked in the OpenAPI schema, and each is checked', async () => {
      const document = (await stack.http(null).get('/docs-json').expect(200)).body;
      const schemas = document.components.schemas as Record<string, Schema>;
      const bodies = [wtoLaunchBody(), ...Object.values(launchBodies).map((make) => make())] as Array<
        Record<string, unknown> & { kind: string }
      >;
      expect(new Set(bodies.map((b) => b.kind)).size).toBe(13);
      for (const body of bodies) {
        const [name, schema] = Object.entries(schemas).find(
          ([n, s]) => /^Launch\w+Dto$/.test(n) && s.properties?.kind?.enum?.[0] === body.kind,
        )!;
        const marked = markedFields(schema, schemas);
        // Every identifier or group field is marked: none is left unchecked.
        expect({ name, unmarked: identifierFields(schema, schemas).filter((f) => !marked.some((m) => m.path === f)) }).toEqual({
          name,
          unmarked: [],
        });
        // Named as nobody, each is refused by name (an admin may launch for a coordinator who is not the caller).
        const ghostly = structuredClone(body);
        const expected = marked.flatMap(({ path, kind }) =>
          replaceAt(ghostly, path.split('.'), kind === 'person' ? 'ghost-person' : 'ghost-group').map(
            (field) => `${field}:${kind === 'person' ? 'isActivePerson' : 'isActiveGroup'}`,
          ),
        );
        expect(expected.length).toBeGreaterThan(1);
        const res = await stack.http('admin').post('/participations').send(ghostly);
        expect({ kind: body.kind, status: res.status, problems: problems(res.body) }).toEqual({
          kind: body.kind,
          status: 400,
          problems: expected.sort(),
        });
      }
    });

    it('lets the coordinator be the caller, and only an admin launch on behalf of another coordinator', async () => {
      const { coordinatorId: _omitted, ...body } = wtoLaunchBody();
      const mine = await stack.http('dm-international').post('/participations').send(body).expect(201);
      expect((await api.waitForPhase(mine.body.id, 'federal-coordination')).coordinatorId).toBe('dm-international');

      const forOther = wtoLaunchBody({ coordinatorId: 'dm-international' });
      const refused = await stack.http('coord-lavoie').post('/participations').set('Accept-Language', 'en').send(forOther).expect(403);
      expect(refused.body).toMatchObject({ error: 'not-allowed' });
      expect(refused.body.message).toBe(
        'Only an administrator may launch a participation on behalf of someone else (coordinatorId "dm-international"): leave coordinatorId out to coordinate it yourself.',
      );
      const byAdmin = await stack.http('admin').post('/participations').send(forOther).expect(201);
      expect((await api.waitForPhase(byAdmin.body.id, 'federal-coordination')).coordinatorId).toBe('dm-international');
      // A coordinator must be one: an expert cannot be made the coordinator, even by an admin.
      const expert = await stack
        .http('admin')
        .post('/participations')
        .send(wtoLaunchBody({ coordinatorId: 'expert-roy' }))
        .expect(400);
      expect(problems(expert.body)).toEqual(['coordinatorId:hasPersonRole']);
    });

    it('refuses a candidate group that is unknown, inactive or without an active member, naming the field', async () => {
      const empty = id('empty-group');
      await stack.http('admin').post('/groups').send({ code: empty, nameFr: 'Vide', nameEn: 'Empty' }).expect(201);
      const body = wtoLaunchBody({
        issueAreas: [
          { area: 'agriculture', candidateGroup: 'wto-experts' },
          { area: 'services', candidateGroup: empty },
          { area: 'fisheries', candidateGroup: 'no-such-group' },
        ],
      });
      const res = await stack.http().post('/participations').send(body).expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'issueAreas.1.candidateGroup',
          constraint: 'hasActiveMembers',
          message: `issueAreas.1.candidateGroup : le groupe « ${empty} » n’a aucun membre actif pour prendre ses tâches.`,
        },
        expect.objectContaining({ field: 'issueAreas.2.candidateGroup', constraint: 'isActiveGroup' }),
      ]);
      const screening = await stack
        .http()
        .post('/participations')
        .send(launchBodies.intern({ screeningGroup: empty }))
        .expect(400);
      expect(problems(screening.body)).toEqual(['screeningGroup:hasActiveMembers']);
    });

    it('refuses an event naming an unknown person, and an application that names no coordinator', async () => {
      const steps = processApi(stack);
      const { kind: _kind, coordinatorId: _none, ...application } = launchBodies.intern();
      const res = await steps.event({
        id: `application-${application.businessKey}`,
        type: 'intern.application.received',
        data: application,
      });
      expect(res.status).toBe(400);
      expect(problems(res.body)).toEqual(['data.coordinatorId:isNotEmpty']);
      const ghost = await steps.event({
        id: `application-ghost-${application.businessKey}`,
        type: 'intern.application.received',
        data: { ...application, coordinatorId: 'coord-lavoie', internId: 'ghost-intern' },
      });
      expect(problems(ghost.body)).toEqual(['data.internId:isActivePerson']);
      const session = await steps.event({
        id: `session-${suffix}`,
        type: 'wto.session.scheduled',
        data: { businessKey: 'any-round', sessionKey: 's9', date: new Date(Date.now() + 3600_000).toISOString(), leadExpertId: 'ghost' },
      });
      expect(problems(session.body)).toEqual(['data.leadExpertId:isActivePerson']);
    });
  });

  describe('task commands name only active people', () => {
    it('lets only a member of its group claim a group task (403 otherwise, saying so)', async () => {
      const launched = await roundInDrafting(wtoLaunchBody({ issueAreas: [{ area: 'services', candidateGroup: 'wto-experts' }] }));
      const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);
      // The coordinator sees it (their participation's task) but is not in the group.
      const refused = await stack.http('coord-lavoie').post(`/tasks/${task.id}/claim`).expect(403);
      expect(refused.body.message).toBe(
        'Cette tâche est offerte au groupe « wto-experts », dont vous n’êtes pas membre : seuls ses membres peuvent la prendre en charge.',
      );
      await stack.http('admin').post(`/tasks/${task.id}/claim`).expect(403);
      // Someone outside who cannot see it does not learn it exists.
      await stack.http('expert-roy').post(`/tasks/${task.id}/claim`).expect(404);
      await stack.http('expert-nguyen').post(`/tasks/${task.id}/claim`).expect(200);
    });

    it('refuses a reassignment to someone unknown, inactive or without a task role, naming the field', async () => {
      const launched = await roundInDrafting(wtoLaunchBody({ issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }] }));
      const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);
      const ghost = await stack.http().post(`/tasks/${task.id}/reassign`).send({ assigneeId: 'ghost-expert', reason: 'r' }).expect(400);
      expect(problems(ghost.body)).toEqual(['assigneeId:isActivePerson']);
      const supervisor = await stack.http().post(`/tasks/${task.id}/reassign`).send({ assigneeId: 'sup-gagnon', reason: 'r' }).expect(400);
      expect(problems(supervisor.body)).toEqual(['assigneeId:hasPersonRole']);
      expect((await stack.http().get(`/tasks/${task.id}`).expect(200)).body.assigneeId).toBe('expert-tremblay');
    });

    it('refuses a deliverable whose person field names nobody, naming the field', async () => {
      const launched = await api.launch(launchBodies.regionalForum());
      const [task] = await processApi(stack).openTasks(launched.id, 'delegate-assignment');
      const ghost = await stack
        .http('coord-lavoie')
        .post(`/tasks/${task.id}/complete`)
        .send({ deliverable: { summary: 'Délégué nommé.', fields: { delegateId: 'ghost-delegate' } } })
        .expect(400);
      expect(ghost.body.errors).toEqual([
        {
          field: 'deliverable.fields.delegateId',
          constraint: 'isActivePerson',
          message: 'deliverable.fields.delegateId : « ghost-delegate » n’est pas une personne active de l’annuaire.',
        },
      ]);
      expect((await stack.http().get(`/tasks/${task.id}`).expect(200)).body.status).toBe('open');
      await stack
        .http('coord-lavoie')
        .post(`/tasks/${task.id}/complete`)
        .send({ deliverable: { summary: 'Délégué nommé.', fields: { delegateId: 'delegate-ouellet' } } })
        .expect(200);
    });
  });
});

interface Schema {
  type?: string;
  $ref?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  'x-person'?: { role?: string };
  'x-group'?: boolean;
}

const resolve = (schema: Schema, schemas: Record<string, Schema>): Schema =>
  schema.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

/** The fields of a launch schema marked as naming people or groups, as paths with `*` for list items. */
function markedFields(schema: Schema, schemas: Record<string, Schema>, prefix = ''): Array<{ path: string; kind: 'person' | 'group' }> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    if (property['x-person']) return [{ path: property.type === 'array' ? `${path}.*` : path, kind: 'person' as const }];
    if (property['x-group']) return [{ path, kind: 'group' as const }];
    const items = property.type === 'array' && property.items ? resolve(property.items, schemas) : undefined;
    if (items?.properties) return markedFields(items, schemas, `${path}.*.`);
    return [];
  });
}

/** Fields whose names say they hold a person's id or a group's code. */
function identifierFields(schema: Schema, schemas: Record<string, Schema>, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const items = property.type === 'array' && property.items ? resolve(property.items, schemas) : undefined;
    if (items?.properties) return identifierFields(items, schemas, `${path}.*.`);
    if (/Ids$/.test(name)) return [`${path}.*`];
    // A Security and Prosperity Partnership working group is the forum's, not a group of the directory.
    if (name === 'workingGroup') return [];
    return /(Id|Group)$/.test(name) ? [path] : [];
  });
}

/** Sets every value at `path` (`*` for each list item) to `value`; returns the concrete paths set. */
function replaceAt(target: unknown, path: string[], value: string, done = ''): string[] {
  const [head, ...rest] = path;
  const at = (key: string) => (done ? `${done}.${key}` : key);
  if (head === '*') {
    if (!Array.isArray(target)) return [];
    return target.flatMap((item, i) => {
      if (rest.length > 0) return replaceAt(item, rest, value, at(String(i)));
      target[i] = value;
      return [at(String(i))];
    });
  }
  const object = target as Record<string, unknown>;
  if (!object || !(head in object)) return [];
  if (rest.length > 0) return replaceAt(object[head], rest, value, at(head));
  object[head] = value;
  return [at(head)];
}
