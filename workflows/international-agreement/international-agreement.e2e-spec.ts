import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordAllRuns } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { inSeconds } from '../../test/helpers/process-api';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('international agreement: mandate, rounds, decree, signature, Assembly, entry into force, follow-up', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', AGREEMENT_REPORT_PERIOD: '2s', CYCLES_PER_RUN: '1' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });

  /** Completes the one open task of `kind` as its assignee, with `fields`. */
  const complete = async (id: string, kind: string, fields?: Record<string, string>) => {
    const [task] = await on.steps.openTasks(id, kind);
    await on.steps.complete(task.id, task.assigneeId, fields).expect(200);
    return task;
  };

  it('refuses a counterpart not in the reference lists, and an unknown counterpart type, naming each field', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.agreement({ counterpartCode: 'jalisco', counterpartType: 'city' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['counterpartCode', 'counterpartType']);
  });

  it('runs an important agreement with a foreign state to its expiry, across two runs of its follow-up', async () => {
    const body = launchBodies.agreement({ counterpartType: 'foreign-state', counterpartCode: 'fr', important: true, followUpReports: 2 });
    const launched = await on.api.launch(body);

    await complete(launched.id, 'mandate');
    await on.api.waitForPhase(launched.id, 'mandate-approval');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    // Round 1: its session, planned a minute ahead, is moved to a few seconds from now.
    await on.api.waitForPhase(launched.id, 'drafting-round');
    await on.steps.post(launched.id, 'sessions/round-1/reschedule', { date: inSeconds(1), actorId: 'coord-lavoie' }).expect(202);
    await complete(launched.id, 'position');
    const debrief = await complete(launched.id, 'debrief');
    expect(debrief.assigneeId).toBe('expert-diaz');
    await on.api.waitForPhase(launched.id, 'round-end');
    await on.steps
      .post(launched.id, 'round-decision', { decision: 'next-round', summary: 'Texte à moitié convenu.', actorId: 'coord-lavoie' })
      .expect(200);

    // Round 2 was not planned: the coordinator dates it.
    const [scheduling] = await on.steps.openTasks(launched.id, 'round-scheduling');
    await on.steps.complete(scheduling.id, 'coord-lavoie', { date: 'demain' }).expect(422);
    await on.steps.complete(scheduling.id, 'coord-lavoie', { date: inSeconds(1) }).expect(200);
    await complete(launched.id, 'position');
    await complete(launched.id, 'debrief');
    await on.api.waitForPhase(launched.id, 'round-end');
    await on.steps
      .post(launched.id, 'round-decision', { decision: 'concluded', summary: 'Texte convenu.', actorId: 'coord-lavoie' })
      .expect(200);

    await complete(launched.id, 'legal-review', { opinion: 'favourable' });

    // A foreign state: the federal government is told, and its acknowledgement comes from outside.
    await on.api.waitForPhase(launched.id, 'federal-notice');
    await on.steps
      .event({
        id: `fed-${body.businessKey}`,
        type: 'federal.response.received',
        data: { kind: 'international-agreement', businessKey: body.businessKey, decision: 'granted' },
      })
      .expect(201);

    await complete(launched.id, 'government-decree', { decree: 'adopted' });

    await on.api.waitForPhase(launched.id, 'signature');
    await on.steps.post(launched.id, 'sessions/signature/reschedule', { date: inSeconds(1), actorId: 'coord-lavoie' }).expect(202);
    await complete(launched.id, 'attendance', { attended: 'yes' });

    // An important commitment: the National Assembly approves it before ratification.
    await complete(launched.id, 'assembly-tabling');
    const [vote] = await on.steps.openTasks(launched.id, 'assembly-vote');
    await on.steps.complete(vote.id, 'coord-lavoie', { vote: 'maybe' }).expect(422);
    await on.steps.complete(vote.id, 'coord-lavoie', { vote: 'approved' }).expect(200);
    await complete(launched.id, 'ratification');

    // The counterpart announces the entry into force; a second notice is journaled as ignored.
    await on.api.waitForPhase(launched.id, 'entry-into-force');
    const inForce = (id: string) => ({
      id,
      type: 'agreement.entered-into-force',
      data: { businessKey: body.businessKey, inForceOn: '2027-09-01T00:00:00Z' },
    });
    await on.steps.event(inForce(`in-force-${body.businessKey}`)).expect(201);
    await complete(launched.id, 'publication', { recueilReference: 'RE-2027-12' });
    await on.steps.event(inForce(`in-force-again-${body.businessKey}`)).expect(201);

    // The follow-up committee reports each period; the workflow continues as new after each (CYCLES_PER_RUN=1).
    const following = await on.api.waitForPhase(launched.id, 'follow-up');
    expect(following.live.details).toMatchObject({
      inForceOn: '2027-09-01T00:00:00.000Z',
      recueilReference: 'RE-2027-12',
      federalAnswer: 'granted',
    });
    await complete(launched.id, 'report');
    await complete(launched.id, 'report');
    await complete(launched.id, 'renewal', { decision: 'expire' });

    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'concluded', phase: 'closed' });
    expect(await journal(launched.id, 'session.rescheduled')).toHaveLength(2);
    expect(await journal(launched.id, 'participation.continued')).toHaveLength(1);
    expect(await journal(launched.id, 'event.ignored')).toHaveLength(1);
    await recordAllRuns(on.stack.client, launched.workflowId, 'international-agreement', 'expired');
  });

  it('skips the federal notice and the Assembly for a federated state, and ends when the counterpart terminates it', async () => {
    const body = launchBodies.agreement({ rounds: [{ date: inSeconds(1) }], signatureDate: inSeconds(1), followUpReports: 5 });
    const launched = await on.api.launch(body);
    await complete(launched.id, 'mandate');
    await on.api.waitForPhase(launched.id, 'mandate-approval');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);
    await complete(launched.id, 'position');
    await complete(launched.id, 'debrief');
    await on.api.waitForPhase(launched.id, 'round-end');
    await on.steps.post(launched.id, 'round-decision', { decision: 'concluded', actorId: 'coord-lavoie' }).expect(200);
    await complete(launched.id, 'legal-review', { opinion: 'reservations' });
    await complete(launched.id, 'government-decree', { decree: 'adopted' });
    await complete(launched.id, 'attendance', { attended: 'yes' });
    await on.api.waitForPhase(launched.id, 'entry-into-force');
    await on.steps
      .event({
        id: `in-force-${body.businessKey}`,
        type: 'agreement.entered-into-force',
        data: { businessKey: body.businessKey, inForceOn: inSeconds(0) },
      })
      .expect(201);
    await complete(launched.id, 'publication', { recueilReference: 'RE-2027-13' });
    await on.api.waitForPhase(launched.id, 'follow-up');
    await on.steps
      .event({
        id: `end-${body.businessKey}`,
        type: 'agreement.terminated',
        data: { businessKey: body.businessKey, note: 'Dénonciation notifiée.' },
      })
      .expect(201);
    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Dénonciation notifiée.' });
    const phases = (await on.api.get(launched.id)).live?.phaseHistory?.map((h: { phase: string }) => h.phase) ?? [];
    expect(phases).not.toContain('federal-notice');
    expect(phases).not.toContain('national-assembly');
  });
});
