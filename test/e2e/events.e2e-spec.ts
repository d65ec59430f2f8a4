import { AuditEntryEntity, ExternalEventEntity } from '../../libs/persistence/src';
import { launchBodies } from '../helpers/kind-fixtures';
import { eventually } from '../helpers/test-stack';
import { onProcessStack } from '../helpers/process-stack';

describe('POST /events: typed, routed, stored once per event id', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes' });

  const offer = (id: string, businessKey: string) => ({
    id,
    type: 'eu.offer.received',
    occurredAt: '2027-03-14T10:00:00Z',
    data: { businessKey, chapter: 'culture', direction: 'offer', reference: 'EU-CULT-1' },
  });

  it('answers 422 for an unknown type, in the caller’s language, and stores nothing', async () => {
    const fr = await on.steps.event({ id: 'unknown-1', type: 'wto.dispute.opened', data: {} }).expect(422);
    expect(fr.body).toMatchObject({ error: 'invalid-input' });
    expect(fr.body.message).toContain('Type d’événement inconnu');
    expect(fr.body.message).toContain('eu.offer.received');
    const en = await on.stack
      .service()
      .post('/events')
      .set('Accept-Language', 'en')
      .send({ id: 'unknown-2', type: 'nope', data: {} })
      .expect(422);
    expect(en.body.message).toContain('Unknown event type "nope"');
    expect(await on.stack.dataSource.getRepository(ExternalEventEntity).countBy({ type: 'wto.dispute.opened' })).toBe(0);
  });

  it('answers 400 naming the fields of a bad envelope or of bad data for its type', async () => {
    const envelope = await on.steps.event({ id: 'has spaces', type: 'eu.offer.received', data: 'x' as unknown as object }).expect(400);
    expect(envelope.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['data', 'id']);
    const data = await on.steps
      .event({ id: 'bad-data-1', type: 'eu.offer.received', data: { businessKey: 'Not A Key', direction: 'gift', extra: 1 } })
      .expect(400);
    expect(data.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      expect.arrayContaining(['data.businessKey', 'data.chapter', 'data.direction', 'data.extra', 'data.reference']),
    );
  });

  it('answers 404 when no running participation matches, and lets the same id be sent again later', async () => {
    const missing = await on.steps.event(offer('offer-nobody', 'no-such-negotiation')).expect(404);
    expect(missing.body.error).toBe('not-found');
    expect(missing.body.message).toContain('canada-eu-negotiation/no-such-negotiation');
    await on.steps.event({ id: 'ratified-nowhere', type: 'convention.ratified', data: { country: 'zz' } }).expect(404);
    expect(await on.stack.dataSource.getRepository(ExternalEventEntity).findOneBy({ eventId: 'offer-nobody' })).toBeNull();

    // Once the participation exists, the very same event is routed.
    const launched = await on.api.launch(launchBodies.canadaEu({ businessKey: 'no-such-negotiation' }));
    await on.api.waitForPhase(launched.id, 'consultation');
    const routed = await on.steps.event(offer('offer-nobody', 'no-such-negotiation')).expect(201);
    expect(routed.body).toMatchObject({ duplicate: false, routedTo: [{ workflowId: launched.workflowId, via: 'signal' }] });

    // A negotiation waits for no federal answer: the event is delivered, and journaled as ignored.
    await on.steps
      .event({
        id: 'federal-to-eu',
        type: 'federal.response.received',
        data: { kind: 'canada-eu-negotiation', businessKey: 'no-such-negotiation', decision: 'granted' },
      })
      .expect(201);
    const ignored = await eventually(
      async () =>
        (await on.stack.dataSource.getRepository(AuditEntryEntity).findOneBy({ participationId: launched.id, action: 'event.ignored' })) ??
        undefined,
    );
    expect(ignored.note).toBe('cette participation ne traite pas les événements « federal.response.received »');
  });

  it('counts an event sent many times at once exactly once: stored once, delivered once', async () => {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'consultation');
    const event = offer(`burst-${body.businessKey}`, body.businessKey);
    const answers = await Promise.all(Array.from({ length: 6 }, () => on.steps.event(event)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(answers.filter((a) => a.body.duplicate)).toHaveLength(5);

    const stored = await on.stack.dataSource.getRepository(ExternalEventEntity).findBy({ eventId: event.id });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'eu.offer.received', routedTo: [{ workflowId: launched.workflowId, via: 'signal' }] });
    expect(stored[0].occurredAt.toISOString()).toBe('2027-03-14T10:00:00.000Z');
    await on.steps.openTasks(launched.id, 'offer-analysis', 1);
    // Give a late duplicate delivery the time to show up, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await on.api.tasks(launched.id)).filter((t) => t.kind === 'offer-analysis')).toHaveLength(1);
    const received = await eventually(async () => {
      const rows = await on.stack.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ participationId: launched.id, action: 'event.received' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(received).toHaveLength(1);
  });

  it('documents the events, the new steps and every kind’s launch body in OpenAPI', async () => {
    const res = await on.stack.http().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/events',
        '/participations/{id}/round-decision',
        '/participations/{id}/approval-decision',
        '/participations/{id}/sessions/{sessionKey}/reschedule',
        '/participations/{id}/monitoring/pause',
      ]),
    );
    for (const dto of ['LaunchCanadaEuNegotiationDto', 'LaunchRatificationCampaignDto', 'LaunchWashingtonWatchDto', 'ExternalEventDto']) {
      expect(res.body.components.schemas[dto]).toBeDefined();
    }
    expect(res.body.components.schemas.LaunchUnescoRepresentationDto.required).toEqual(
      expect.arrayContaining(['businessKey', 'nomineeId']),
    );
  });
});
