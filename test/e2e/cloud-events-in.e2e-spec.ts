import { ExternalEventEntity } from '../../libs/persistence/src';
import { launchBodies } from '../helpers/kind-fixtures';
import { onProcessStack } from '../helpers/process-stack';

describe('POST /events: CloudEvents 1.0, structured and binary, once per source + id', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes' });
  const offerData = (businessKey: string) => ({ businessKey, chapter: 'culture', direction: 'offer', reference: 'EU-CULT-9' });
  const structured = (body: object) =>
    on.stack.service().post('/events').set('Content-Type', 'application/cloudevents+json').send(JSON.stringify(body));
  const binary = (headers: Record<string, string>, data: object) => {
    const req = on.stack.service().post('/events').set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send(data);
  };

  it('routes a structured CloudEvent, and a second copy of source + id changes nothing and answers like the first', async () => {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'consultation');
    const event = {
      specversion: '1.0',
      id: `ce-${body.businessKey}`,
      source: 'urn:eu:dg-trade',
      type: 'eu.offer.received',
      subject: launched.workflowId,
      time: '2027-03-14T10:00:00Z',
      datacontenttype: 'application/json',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      data: offerData(body.businessKey),
    };
    const first = await structured(event).expect(201);
    expect(first.body).toMatchObject({ duplicate: false, routedTo: [{ workflowId: launched.workflowId, via: 'signal' }] });
    const again = await structured(event).expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    // The same id from another source is another event.
    const other = await structured({ ...event, source: 'urn:eu:council' }).expect(201);
    expect(other.body.eventId).not.toBe(first.body.eventId);
    const stored = await on.stack.dataSource.getRepository(ExternalEventEntity).findOneByOrFail({ eventId: first.body.eventId });
    expect(stored.occurredAt.toISOString()).toBe('2027-03-14T10:00:00.000Z');
    await on.steps.openTasks(launched.id, 'offer-analysis', 2);
  });

  it('routes a binary-mode CloudEvent (ce-* headers, data as the body)', async () => {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'consultation');
    const headers = {
      'ce-specversion': '1.0',
      'ce-id': `bin-${body.businessKey}`,
      'ce-source': '/eu/trade',
      'ce-type': 'eu.offer.received',
    };
    const first = await binary(headers, offerData(body.businessKey)).expect(201);
    expect(first.body.routedTo).toEqual([{ workflowId: launched.workflowId, via: 'signal' }]);
    await binary(headers, offerData(body.businessKey)).expect(200);
    await on.steps.openTasks(launched.id, 'offer-analysis', 1);
  });

  it('answers 422 naming the known types for an unknown CloudEvent type, in French and in English', async () => {
    const event = { specversion: '1.0', id: 'x-1', source: 'urn:test', type: 'wto.dispute.opened', data: {} };
    const fr = await structured(event).expect(422);
    expect(fr.body.message).toContain('Type d’événement inconnu');
    expect(fr.body.message).toContain('eu.offer.received');
    const en = await binary(
      { 'ce-specversion': '1.0', 'ce-id': 'x-2', 'ce-source': 'urn:test', 'ce-type': 'nope', 'Accept-Language': 'en' },
      {},
    ).expect(422);
    expect(en.body.message).toContain('Unknown event type "nope"');
  });

  it('answers 400 naming each bad attribute: body fields in structured mode, ce-* headers in binary mode', async () => {
    const bad = await structured({ specversion: '0.3', id: '', type: 'eu.offer.received', data_base64: 'eA==', data: 'x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['data', 'data_base64', 'id', 'source', 'specversion']);
    const headers = await binary({ 'ce-specversion': '2.0', 'ce-type': 'eu.offer.received', 'ce-source': 'urn:x' }, {}).expect(400);
    expect(headers.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ce-id', 'ce-specversion']);
    const text = await on.stack
      .service()
      .post('/events')
      .set({ 'Content-Type': 'text/plain', 'ce-specversion': '1.0', 'ce-id': 'a', 'ce-source': 'b', 'ce-type': 'eu.offer.received' })
      .send('hello')
      .expect(400);
    expect(text.body.errors.map((e: { field: string }) => e.field)).toContain('content-type');
  });
});
