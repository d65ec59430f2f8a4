import { providerClaims, signAsProvider } from '../helpers/identity';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/** Experts and coordinators acting on tasks through the inbox API, with roles and the audit trail. */
describe('task inbox: roles, claim, decline, reassign, reschedule, audit', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '0' });
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  async function roundInDrafting(issueAreas: object[]) {
    const launched = await api.launch(wtoLaunchBody({ issueAreas }));
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await api.waitForPhase(launched.id, 'position-drafting');
    return launched;
  }

  const now = () => Math.floor(Date.now() / 1000);
  const inbox = async (person: string, query: Record<string, string> = {}) =>
    (await stack.http(person).get('/tasks').query(query).expect(200)).body;

  it('refuses callers without a valid token (401) and outside their role (403, naming the role)', async () => {
    const none = await stack.http(null).get('/participations').expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.body.error).toBe('unauthenticated');
    await stack.withToken('not.a.jwt').get('/participations').expect(401);
    const expired = await signAsProvider(providerClaims('coord-lavoie', { iat: now() - 1200, exp: now() - 60 }));
    await stack.withToken(expired).get('/participations').expect(401);
    const forged = (await stack.token('coord-lavoie')).slice(0, -4) + 'AAAA';
    await stack.withToken(forged).get('/participations').expect(401);

    const asExpert = await stack.http('expert-tremblay').post('/participations').send(wtoLaunchBody()).expect(403);
    expect(asExpert.body.message).toContain('coordinator');
    const asSupervisor = await stack.http('sup-gagnon').post('/participations').send(wtoLaunchBody()).expect(403);
    expect(asSupervisor.body.error).toBe('not-allowed');
    await stack.http('sup-gagnon').get('/participations').expect(200);
    await stack.http(null).get('/health').expect(200);
  });

  it('refuses a token once it expires, though it was accepted a moment before', async () => {
    const shortLived = await signAsProvider(providerClaims('coord-lavoie', { iat: now(), exp: now() + 2 }));
    await stack.withToken(shortLived).get('/me').expect(200);
    await stack.withToken(shortLived).get('/me').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const refused = await stack.withToken(shortLived).get('/me').expect(401);
    expect(refused.body.error).toBe('unauthenticated');
  });

  it('shows each expert their own tasks only; another expert’s task is a 404', async () => {
    const launched = await roundInDrafting([
      { area: 'agriculture', expertId: 'expert-tremblay' },
      { area: 'services', expertId: 'expert-nguyen' },
    ]);
    const mine = await eventually(async () => {
      const page = await inbox('expert-tremblay', { participationId: launched.id });
      return page.total === 1 ? page : undefined;
    });
    expect(mine.items[0]).toMatchObject({ assigneeId: 'expert-tremblay', status: 'open', kind: 'position' });
    const theirs = (await inbox('expert-nguyen', { participationId: launched.id })).items[0];

    await stack.http('expert-tremblay').get(`/tasks/${theirs.id}`).expect(404);
    await api.completeTask(theirs.id, 'expert-tremblay').expect(404);
    await stack.http('expert-roy').get(`/tasks/${mine.items[0].id}`).expect(404);
    // The coordinator sees both; a supervisor too, but cannot act.
    expect((await inbox('coord-lavoie', { participationId: launched.id })).total).toBe(2);
    expect((await inbox('sup-gagnon', { participationId: launched.id })).total).toBe(2);
    await stack
      .http('sup-gagnon')
      .post(`/tasks/${theirs.id}/complete`)
      .send({ deliverable: { summary: 'x' } })
      .expect(403);
  });

  it('lets a group member claim a shared task, give it back, and another complete it', async () => {
    const launched = await roundInDrafting([{ area: 'services', candidateGroup: 'wto-experts' }]);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);
    expect(task).toMatchObject({ assigneeId: null, candidateGroup: 'wto-experts' });
    // Both group members see it unclaimed; someone outside the group does not.
    expect((await inbox('expert-tremblay', { participationId: launched.id })).total).toBe(1);
    expect((await inbox('expert-nguyen', { participationId: launched.id })).total).toBe(1);
    expect((await inbox('expert-roy', { participationId: launched.id })).total).toBe(0);

    const claimed = await stack.http('expert-tremblay').post(`/tasks/${task.id}/claim`).expect(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', assigneeId: 'expert-tremblay' });
    // Once claimed it leaves the other member's inbox, and a second claim is refused.
    expect((await inbox('expert-nguyen', { participationId: launched.id })).total).toBe(0);
    await stack.http('expert-tremblay').post(`/tasks/${task.id}/claim`).expect(409);

    await stack.http('expert-tremblay').post(`/tasks/${task.id}/unclaim`).expect(200);
    await stack.http('expert-nguyen').post(`/tasks/${task.id}/claim`).expect(200);
    await api.completeTask(task.id, 'expert-nguyen').expect(200);
    await api.waitForPhase(launched.id, 'mandate-approval');
  });

  it('has a declined task reassigned by the coordinator, rescheduled, and every change audited', async () => {
    const launched = await roundInDrafting([{ area: 'agriculture', expertId: 'expert-tremblay' }]);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);

    await stack.http('expert-tremblay').post(`/tasks/${task.id}/decline`).send({}).expect(400);
    const declined = await stack
      .http('expert-tremblay')
      .post(`/tasks/${task.id}/decline`)
      .send({ reason: 'Conflit d’intérêts.' })
      .expect(200);
    expect(declined.body.status).toBe('declined');

    // Only the participation's coordinator reassigns; an expert cannot.
    await stack.http('expert-tremblay').post(`/tasks/${task.id}/reassign`).send({ assigneeId: 'expert-nguyen', reason: 'x' }).expect(403);
    await stack.http('dm-international').post(`/tasks/${task.id}/reassign`).send({ assigneeId: 'expert-nguyen', reason: 'x' }).expect(404);
    await stack
      .http('coord-lavoie')
      .post(`/tasks/${task.id}/reassign`)
      .set('X-Request-Id', 'req-reassign-1')
      .send({ assigneeId: 'expert-nguyen', reason: 'Absence de Sophie.' })
      .expect(200);
    const rescheduled = await stack
      .http('coord-lavoie')
      .patch(`/tasks/${task.id}`)
      .send({ priority: 'urgent', dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Session avancée.' })
      .expect(200);
    expect(rescheduled.body).toMatchObject({ priority: 'urgent', assigneeId: 'expert-nguyen', status: 'open' });

    const nguyen = await eventually(async () => {
      const page = await inbox('expert-nguyen', { participationId: launched.id, sort: 'priority' });
      return page.items[0]?.priority === 'urgent' ? page : undefined;
    });
    expect(nguyen.items[0].id).toBe(task.id);
    await api.completeTask(task.id, 'expert-nguyen').expect(200);

    // The audit trail, for supervisors only.
    await stack.http('expert-tremblay').get('/audit').query({ participationId: launched.id }).expect(403);
    const audit = await eventually(async () => {
      const page = (await stack.http('sup-gagnon').get('/audit').query({ target: task.id, pageSize: 50 }).expect(200)).body;
      return page.items.some((e: { action: string }) => e.action === 'task.completed') ? page : undefined;
    });
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['task.opened', 'task.declined', 'task.reassigned', 'task.rescheduled', 'task.completed']);
    const reassigned = audit.items.find((e: { action: string }) => e.action === 'task.reassigned');
    expect(reassigned).toMatchObject({
      actorId: 'coord-lavoie',
      requestId: 'req-reassign-1',
      note: 'Absence de Sophie.',
      oldValue: { status: 'declined', assigneeId: 'expert-tremblay' },
      newValue: { status: 'open', assigneeId: 'expert-nguyen' },
    });
    const declinedEntry = audit.items.find((e: { action: string }) => e.action === 'task.declined');
    expect(declinedEntry).toMatchObject({ actorId: 'expert-tremblay', note: 'Conflit d’intérêts.' });
  });

  it('validates inbox queries and commands', async () => {
    const bad = await stack.http('expert-tremblay').get('/tasks').query({ status: 'sleeping', sort: 'mood' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['sort', 'status']);
    const both = await stack
      .http()
      .post('/participations')
      .send(wtoLaunchBody({ issueAreas: [{ area: 'x', expertId: 'expert-roy', candidateGroup: 'wto-experts' }] }))
      .expect(400);
    expect(both.body.errors[0]).toMatchObject({ field: 'issueAreas.0.candidateGroup', constraint: 'mutuallyExclusive' });
  });
});
