import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { inSeconds } from '../../test/helpers/process-api';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('bilateral mission: programme, briefings, notices, the mission, follow-up, and the agreement it starts', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });

  const complete = async (id: string, kind: string, fields?: Record<string, string>) => {
    const [task] = await on.steps.openTasks(id, kind);
    await on.steps.complete(task.id, task.assigneeId, fields).expect(200);
    return task;
  };

  /** Programme and briefing notes, then both answers from outside: the federal government's and the host's. */
  const throughNotices = async (id: string, businessKey: string) => {
    await complete(id, 'programme');
    for (const task of await on.steps.openTasks(id, 'briefing-note', 2)) await on.steps.complete(task.id, task.assigneeId).expect(200);
    await on.api.waitForPhase(id, 'mission-notices');
    await on.steps
      .event({ id: `host-${businessKey}`, type: 'mission.host.confirmed', data: { businessKey, note: 'Programme confirmé.' } })
      .expect(201);
    await on.steps
      .event({
        id: `fed-${businessKey}`,
        type: 'federal.response.received',
        data: { kind: 'bilateral-mission', businessKey, decision: 'granted' },
      })
      .expect(201);
  };

  it('refuses a country code not spelt as the reference lists spell it, a state not in them, and a delegate not in the directory, naming each field', async () => {
    const format = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.mission({ countryCode: 'MX' }))
      .expect(400);
    expect(format.body.errors).toEqual([expect.objectContaining({ field: 'countryCode', constraint: 'matches' })]);
    const nowhere = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.mission({ federatedStateCode: 'mx-atlantis' }))
      .set('Accept-Language', 'en')
      .expect(400);
    expect(nowhere.body.errors).toEqual([
      expect.objectContaining({
        field: 'federatedStateCode',
        constraint: 'isCountryCode',
        message: 'federatedStateCode: "mx-atlantis" is not a country or federated state in use in the reference list.',
      }),
    ]);
    const unknown = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.mission({ delegationIds: ['coord-lavoie', 'nobody-at-all'] }))
      .expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['delegationIds.1']);
  });

  it('holds the mission on its new date, opens each follow-up action for its owner, and starts the agreement it decides on', async () => {
    const body = launchBodies.mission({ delegationIds: ['coord-lavoie', 'expert-diaz'] });
    const launched = await on.api.launch(body);
    await throughNotices(launched.id, body.businessKey);

    // The mission, planned a minute ahead, is moved to a few seconds from now.
    const waiting = await on.api.waitForPhase(launched.id, 'mission');
    expect(waiting.live.details).toMatchObject({
      hostConfirmed: true,
      federalAnswer: 'granted',
      delegationIds: ['coord-lavoie', 'expert-diaz'],
    });
    await on.steps.post(launched.id, 'sessions/mission/reschedule', { date: inSeconds(1), actorId: 'coord-lavoie' }).expect(202);

    const [action] = await on.steps.openTasks(launched.id, 'follow-up-action');
    expect(action).toMatchObject({ assigneeId: 'expert-morin', dueAt: new Date(body.followUpActions[0].dueAt).toISOString() });
    await on.steps.complete(action.id, 'expert-morin').expect(200);
    await complete(launched.id, 'report', { pursueAgreement: 'yes' });
    await complete(launched.id, 'agreement-preparation', {
      negotiatorId: 'expert-diaz',
      legalAdvisorId: 'expert-morin',
      mandateApproverId: 'dm-international',
      firstRoundDate: inSeconds(3600),
      signatureDate: inSeconds(7200),
    });
    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'concluded', phase: 'closed' });
    expect(await journal(launched.id, 'session.rescheduled')).toHaveLength(1);

    // The agreement lives on after the mission, as a participation of its own, waiting for its mandate.
    const agreementKey = `${body.businessKey}-entente`;
    const agreement = await eventually(
      async () => {
        const { items } = (
          await on.stack.http().get('/participations').query({ kind: 'international-agreement', pageSize: 100 }).expect(200)
        ).body;
        return (items as Array<{ id: string; businessKey: string }>).find((p) => p.businessKey === agreementKey);
      },
      { what: 'the agreement started by the mission' },
    );
    const started = await on.api.waitForPhase(agreement.id, 'mandate-drafting');
    expect(started.live.details).toMatchObject({ counterpartCode: 'mx-jal', counterpartType: 'federated-state' });
    expect((await journal(launched.id, 'participation.linked'))[0].newValue).toEqual({
      workflowId: `international-agreement/${agreementKey}`,
    });
    await recordHistory(on.stack.client, launched.workflowId, 'bilateral-mission', 'agreement-started');
    await on.api.step(agreement.id, 'cancel', { reason: 'Fin du test.', actorId: 'coord-lavoie' }).expect(200);
  });

  it('ends as withdrawn when the mission is cancelled before its date', async () => {
    const body = launchBodies.mission({ followUpActions: [] });
    const launched = await on.api.launch(body);
    await on.steps.post(launched.id, 'sessions/mission/cancel', { reason: 'Élections chez l’hôte.', actorId: 'coord-lavoie' }).expect(202);
    await throughNotices(launched.id, body.businessKey);
    expect(await on.steps.closed(launched.id)).toMatchObject({
      outcome: 'withdrawn',
      closingSummary: expect.stringContaining('Mission annulée'),
    });
  });
});
