import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('Canada–EU negotiation: rounds, consultation with a closing date, offers by event', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', CONSULTATION_PERIOD: '3s' });

  it('refuses an unknown stakeholder group and a chapter listed twice', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(
        launchBodies.canadaEu({
          chapters: [
            { chapter: 'culture', expertId: 'a' },
            { chapter: 'culture', expertId: 'b' },
          ],
          consultation: [{ group: 'lobbyists', liaisonId: 'x' }],
        }),
      )
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['chapters', 'consultation.0.group']);
  });

  it('runs two rounds; each offer received opens an analysis task, once per event id', async () => {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);

    // Round 1 — consultation: the cities answer, the universities miss the closing date.
    await on.api.waitForPhase(launched.id, 'consultation');
    const consultation = await on.steps.openTasks(launched.id, 'consultation', 2);
    const cities = consultation.find((t) => t.title.includes('villes'))!;
    await on.steps.complete(cities.id, 'liaison-roy').expect(200);
    const positions = await on.steps.openTasks(launched.id, 'position', 2);
    const afterClosing = await on.api.tasks(launched.id);
    expect(
      afterClosing
        .filter((t) => t.kind === 'consultation')
        .map((t) => t.status)
        .sort(),
    ).toEqual(['completed', 'expired']);

    // An offer arrives during the drafting: its analysis goes to the chapter's expert, beside the round.
    const offer = {
      id: `offer-${body.businessKey}-1`,
      type: 'eu.offer.received',
      data: { businessKey: body.businessKey, chapter: 'procurement', direction: 'offer', reference: 'EU-PROC-1' },
    };
    await on.steps.event(offer).expect(201);
    await on.steps.event(offer).expect(200);
    const [analysis] = await on.steps.openTasks(launched.id, 'offer-analysis');
    expect(analysis).toMatchObject({ assigneeId: 'expert-gagnon', priority: 'high' });
    expect(analysis.title).toContain('EU-PROC-1');
    for (const task of positions) await on.steps.complete(task.id, task.assigneeId).expect(200);

    await on.api.waitForPhase(launched.id, 'mandate-approval');
    await on.steps.post(launched.id, 'round-decision', { decision: 'next-round', actorId: 'coord-lavoie' }).expect(409);
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-commerce' }).expect(200);
    await on.api.waitForPhase(launched.id, 'negotiation-round');
    await on.steps.complete(analysis.id, 'expert-gagnon').expect(200);
    // A counter-offer on a chapter without an expert goes to the coordinator.
    await on.steps
      .event({
        id: `offer-${body.businessKey}-2`,
        type: 'eu.offer.received',
        data: { businessKey: body.businessKey, chapter: 'services', direction: 'counter-offer', reference: 'EU-SERV-1' },
      })
      .expect(201);
    const [counter] = await on.steps.openTasks(launched.id, 'offer-analysis');
    expect(counter.assigneeId).toBe('coord-lavoie');
    await on.steps.complete(counter.id, 'coord-lavoie').expect(200);
    await on.steps
      .post(launched.id, 'round-decision', { decision: 'next-round', summary: 'Ronde 1 close.', actorId: 'coord-lavoie' })
      .expect(200);

    // Round 2, then the negotiation concludes.
    const round2 = await on.api.waitForPhase(launched.id, 'consultation');
    expect(round2.live.details.round).toBe(2);
    for (const task of await on.steps.openTasks(launched.id, 'consultation', 2))
      await on.steps.complete(task.id, task.assigneeId).expect(200);
    for (const task of await on.steps.openTasks(launched.id, 'position', 2)) {
      expect(task.title).toContain('ronde 2');
      await on.steps.complete(task.id, task.assigneeId).expect(200);
    }
    await on.api.waitForPhase(launched.id, 'mandate-approval');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-commerce' }).expect(200);
    await on.api.waitForPhase(launched.id, 'negotiation-round');
    await on.steps
      .post(launched.id, 'round-decision', { decision: 'concluded', summary: 'Accord de principe.', actorId: 'coord-lavoie' })
      .expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'concluded', closingSummary: 'Accord de principe.' });

    const offersJournaled = await on.stack.dataSource
      .getRepository(AuditEntryEntity)
      .countBy({ participationId: launched.id, action: 'event.received' });
    expect(offersJournaled).toBe(2);
    expect((await on.api.tasks(launched.id)).filter((t) => t.kind === 'offer-analysis')).toHaveLength(2);
    await recordHistory(on.stack.client, launched.workflowId, 'canada-eu-negotiation', 'two-rounds');
  });
});
