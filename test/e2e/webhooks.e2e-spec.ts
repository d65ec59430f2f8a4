import { EventOutboxEntity } from '../../libs/persistence/src';
import { launchBodies } from '../helpers/kind-fixtures';
import { onProcessStack } from '../helpers/process-stack';
import { startSignedReceiver } from '../helpers/signed-receiver';
import { eventually } from '../helpers/test-stack';

const PREFIX = 'ca.qc.mri.participations.';

describe('Published CloudEvents: outbox in the projection transaction, signed webhooks, retries, dead letters', () => {
  const receivers: Array<Awaited<ReturnType<typeof startSignedReceiver>>> = [];
  const subscriptions: string[] = [];
  afterAll(async () => {
    // Other files share the database: their events must not keep going to receivers that are gone.
    for (const id of subscriptions) await on.stack.http('admin').post(`/webhooks/subscriptions/${id}/deactivate`).expect(200);
    await Promise.all(receivers.map((r) => r.close()));
  });
  // Declared after the hook above, so that its stack is still open when that hook runs (jest runs afterAll hooks in order).
  const on = onProcessStack({
    TASK_DUE_AFTER: '5 minutes',
    EVENTS_POLL_INTERVAL: '100 milliseconds',
    EVENTS_RETRY_INITIAL: '200 milliseconds',
    EVENTS_RETRY_MAX: '1 second',
    EVENTS_MAX_ATTEMPTS: '40',
  });

  async function receiver() {
    const r = await startSignedReceiver();
    receivers.push(r);
    return r;
  }
  async function subscribe(body: Record<string, unknown>) {
    const created = (await on.stack.http('admin').post('/webhooks/subscriptions').send(body).expect(201)).body as {
      id: string;
      secret: string;
    };
    subscriptions.push(created.id);
    return created;
  }
  /** The outbox rows of a participation, in order. */
  async function outbox(workflowId: string): Promise<EventOutboxEntity[]> {
    return on.stack.dataSource.getRepository(EventOutboxEntity).find({ where: { subject: workflowId }, order: { seq: 'ASC' } });
  }
  /** A Canada–EU negotiation taken through a few steps: launched, phase changed, offers (tasks opened), cancelled. */
  async function drive(): Promise<string> {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'consultation');
    for (const n of [1, 2]) {
      await on.steps
        .event({
          id: `wh-${body.businessKey}-${n}`,
          type: 'eu.offer.received',
          data: { businessKey: body.businessKey, chapter: 'culture', direction: 'offer', reference: `EU-${n}` },
        })
        .expect(201);
    }
    await on.steps.openTasks(launched.id, 'offer-analysis', 2);
    await on.stack.http().post(`/participations/${launched.id}/cancel`).send({ reason: 'Note interne : ne pas publier.' }).expect(200);
    await on.steps.closed(launched.id);
    return launched.workflowId;
  }

  it('sends every event of a participation, signed, in order, at least once, even to a receiver that was down for a while', async () => {
    const r = await receiver();
    // Down for its first three calls. Counted in calls, not seconds: the test files share one database, so other
    // files' workers (with the default, slower retry settings) may make some of the attempts.
    let refused = 0;
    r.state.status = () => (refused < 3 ? (refused++, 503) : 200);
    const sub = await subscribe({ url: r.url, kinds: ['canada-eu-negotiation'] });
    r.state.secret = sub.secret;
    expect(sub.secret).toMatch(/^whsec_/);

    const [a, b] = await Promise.all([drive(), drive()]);

    for (const workflowId of [a, b]) {
      const rows = await outbox(workflowId);
      expect(rows.map((row) => row.type)).toEqual(
        expect.arrayContaining([`${PREFIX}participation.launched`, `${PREFIX}task.opened`, `${PREFIX}participation.closed`]),
      );
      const ids = rows.map((row) => row.eventId);
      const seen = await eventually(
        async () => {
          const got = r.acceptedFor(workflowId).map((x) => x.event.id as string);
          return ids.every((id) => got.includes(id)) ? got : undefined;
        },
        { what: `every event of ${workflowId}`, timeoutMs: 90_000 },
      );
      // In order: the first time each event is seen follows the outbox's order.
      const firstSeen = [...new Set(seen)];
      expect(firstSeen).toEqual(ids);
      // The cancellation's reason is protected free text: not for this subscriber.
      const closed = r.acceptedFor(workflowId).find((x) => x.event.type === `${PREFIX}participation.closed`);
      expect(JSON.stringify(closed?.event)).not.toContain('ne pas publier');
      expect(closed?.event.data.text.fr).toBeTruthy();
      expect(closed?.event.data.text.en).toBeTruthy();
      // What an event says of its participation and task, as the journal entry's transaction left them.
      const opened = r.acceptedFor(workflowId).find((x) => x.event.type === `${PREFIX}task.opened`);
      expect(opened?.event.data).toMatchObject({
        workflowId,
        participationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'canada-eu-negotiation',
        businessKey: expect.any(String),
        forum: expect.any(String),
        phase: expect.any(String),
        status: 'active',
        action: 'task.opened',
        task: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          kind: expect.any(String),
          title: expect.any(String),
          dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
          status: 'open',
        },
      });
    }
    expect(r.received.filter((x) => x.status === 503)).toHaveLength(3);
    // Every message, refused or accepted, carried a valid signature.
    expect(r.received.every((x) => x.verified)).toBe(true);
    expect(r.received[0].headers['content-type']).toContain('application/cloudevents+json');
    expect(r.received[0].event).toMatchObject({ specversion: '1.0', source: 'urn:ca:qc:mri:participations' });
  });

  it('gives protected text only to an allowed subscriber, and keeps to its filters', async () => {
    const r = await receiver();
    const sub = await subscribe({ url: r.url, eventTypes: [`${PREFIX}participation.closed`], includeProtected: true });
    r.state.secret = sub.secret;
    const workflowId = await drive();
    const got = await eventually(async () => r.acceptedFor(workflowId)[0], { what: 'the closing event' });
    expect(got.event.type).toBe(`${PREFIX}participation.closed`);
    expect(JSON.stringify(got.event.data.protected)).toContain('ne pas publier');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.acceptedFor(workflowId).every((x) => x.event.type === `${PREFIX}participation.closed`)).toBe(true);
  });

  it('dead-letters a delivery the receiver refuses for good, lists it for admins only, and replays it', async () => {
    const r = await receiver();
    let gone = true;
    r.state.status = () => (gone ? 410 : 200);
    const sub = await subscribe({ url: r.url, eventTypes: [`${PREFIX}participation.launched`] });
    r.state.secret = sub.secret;
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    const dead = await eventually(
      async () => {
        const page = (await on.stack.http('admin').get('/webhooks/dead-letters?pageSize=100').expect(200)).body;
        return (page.items as Array<Record<string, any>>).find((d) => d.subscriptionId === sub.id && d.subject === launched.workflowId);
      },
      { what: 'the dead letter' },
    );
    expect(dead.lastError).toContain('410');
    await on.stack.http('coord-lavoie').get('/webhooks/dead-letters').expect(403);
    await on.stack.http('coord-lavoie').post('/webhooks/subscriptions').send({ url: r.url }).expect(403);
    gone = false;
    await on.stack.http('admin').post(`/webhooks/dead-letters/${dead.id}/replay`).expect(200);
    await eventually(async () => r.acceptedFor(launched.workflowId)[0], { what: 'the replayed event' });
    await on.stack.http('admin').post(`/webhooks/dead-letters/${dead.id}/replay`).expect(404);
    const metrics = (await on.stack.http(null).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/participation_event_deliveries\{target="webhook",status="delivered"[^}]*\} [1-9]/);
  });

  it('answers 400 naming each bad field of a subscription, and hides secrets when listing', async () => {
    const bad = await on.stack
      .http('admin')
      .post('/webhooks/subscriptions')
      .send({ url: 'ftp://x', eventTypes: ['nope'], kinds: ['nope'], secret: 'plain', extra: 1 })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['eventTypes', 'extra', 'kinds', 'secret', 'url']);
    const list = (await on.stack.http('admin').get('/webhooks/subscriptions').expect(200)).body;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((s: Record<string, unknown>) => s.secret === undefined)).toBe(true);
    await on.stack.http('admin').get('/webhooks/subscriptions/not-a-uuid').expect(400);
    await on.stack.http('admin').get('/webhooks/subscriptions/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
