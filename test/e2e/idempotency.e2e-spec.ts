import { randomUUID } from 'node:crypto';
import { participationApi } from '../helpers/participation-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/** A caller that retries with the same Idempotency-Key gets its first answer, and the step happens once. */
describe('Idempotency-Key', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack();
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  const launch = (body: object, key?: string) => {
    const req = stack.http().post('/participations');
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('answers a retried launch with its first 201, and refuses the key with another body', async () => {
    const body = wtoLaunchBody();
    const key = randomUUID();
    const first = await launch(body, key).expect(201);
    const retry = await launch(body, key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect((await launch(body).expect(409)).body.error).toBe('duplicate');
    expect((await launch(body, randomUUID()).expect(409)).body.error).toBe('duplicate');
    const reused = await launch({ ...body, title: 'Autre titre' }, key)
      .set('Accept-Language', 'en')
      .expect(422);
    expect(reused.body.message).toBe(`Idempotency key "${key}" was already used for another request.`);
    // A key is its caller's own: another coordinator (launching it as theirs) with the same key is another launch, a duplicate.
    const theirs = { ...body, coordinatorId: 'dm-international' };
    const other = await stack.http('dm-international').post('/participations').set('Idempotency-Key', key).send(theirs).expect(409);
    expect(other.body.error).toBe('duplicate');
  });

  it('refuses the key with another business key: a key names one request, not one participation', async () => {
    const body = wtoLaunchBody();
    const key = randomUUID();
    await launch(body, key).expect(201);
    const other = wtoLaunchBody();
    const reused = await launch(other, key).expect(422);
    expect(reused.body.message).toBe(`La clé d’idempotence « ${key} » a déjà servi pour une autre requête.`);
    // Nothing of the second body started.
    expect(
      (await stack.http().get(`/participations?kind=wto-round&pageSize=100`).expect(200)).body.items.map(
        (p: { businessKey: string }) => p.businessKey,
      ),
    ).not.toContain(other.businessKey);
    await expect(stack.client.workflow.getHandle(`wto-round/${other.businessKey}`).describe()).rejects.toThrow(/not found/i);
    // A launch that fails keeps no key: the same key then serves a body that can start.
    const refusedKey = randomUUID();
    await launch({ ...wtoLaunchBody(), businessKey: body.businessKey }, refusedKey).expect(409);
    await launch(other, refusedKey).expect(201);
  });

  it('refuses a malformed key, naming the header', async () => {
    for (const bad of ['', 'with space', 'k'.repeat(129)]) {
      const res = await launch(wtoLaunchBody(), bad).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', constraint: 'idempotencyKey' })]);
    }
  });

  it('answers a retried task completion or step with its first answer, even once the workflow has closed', async () => {
    const { id } = await api.launch(wtoLaunchBody());
    await api.waitForPhase(id, 'federal-coordination');
    const granted = await api
      .step(id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' })
      .set('Idempotency-Key', 'grant-1')
      .expect(200);
    const regranted = await api
      .step(id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' })
      .set('Idempotency-Key', 'grant-1')
      .expect(200);
    expect(regranted.body.phase).toBe(granted.body.phase);

    const [task] = await api.waitForOpenTasks(id, 'position', 2);
    const complete = () => api.completeTask(task.id, task.assigneeId, 'Version 1').set('Idempotency-Key', 'done-1');
    const first = await complete().expect(200);
    expect((await complete().expect(200)).body).toEqual(first.body);
    await api.completeTask(task.id, task.assigneeId, 'Version 1').expect(409);

    const cancel = () => api.step(id, 'cancel', { reason: 'Forum reporté.', actorId: 'coord-lavoie' }).set('Idempotency-Key', 'cancel-1');
    const cancelled = await cancel().expect(200);
    await stack.client.workflow.getHandle(cancelled.body.workflowId).result();
    const again = await cancel();
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: cancelled.body });

    const journal = await stack.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_entries WHERE participation_id = $1 AND action IN ('federal.response', 'task.completed', 'participation.cancelled') GROUP BY action ORDER BY action`,
      [id],
    );
    expect(journal).toEqual([
      { action: 'federal.response', n: 1 },
      { action: 'participation.cancelled', n: 1 },
      { action: 'task.completed', n: 1 },
    ]);
  });
});
