import { AuditEntryEntity, ExternalEventEntity, ParticipationEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('intern placement: started by its application event, offers answered by events', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', INTERN_OFFER_DEADLINE: '4s' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).findBy({ participationId, action });

  it('refuses a placement that ends before it starts', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.intern({ placementStartsAt: '2027-09-01T00:00:00Z', placementEndsAt: '2027-08-01T00:00:00Z' }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'placementEndsAt', constraint: 'isAfterStart' })]);
  });

  it('goes from the application to the final report; an expired and a declined offer send it back to matching', async () => {
    const { kind: _kind, ...application } = launchBodies.intern();
    const event = { id: `application-${application.businessKey}`, type: 'intern.application.received', data: application };
    const started = await on.steps.event(event).expect(201);
    const workflowId = `intern-placement/${application.businessKey}`;
    expect(started.body.routedTo).toEqual([{ workflowId, via: 'signal-with-start' }]);
    expect((await on.steps.event(event).expect(200)).body.duplicate).toBe(true);
    const participation = await eventually(
      async () => (await on.stack.dataSource.getRepository(ParticipationEntity).findOneBy({ workflowId })) ?? undefined,
    );
    const id = participation.id;

    // Screening is assigned to a role: nobody holds it until someone of the intern office delivers.
    const [screening] = await on.steps.openTasks(id, 'eligibility-screening');
    // The task says what its deliverable must carry, typed, as the workflow declared it.
    expect(screening).toMatchObject({
      assigneeId: null,
      candidateGroup: 'intern-office',
      requiredFields: { eligible: { type: 'choice', values: ['yes', 'no'] } },
    });
    await on.steps.complete(screening.id, 'officer-bergeron', { eligible: 'yes' }).expect(200);

    const offerTo = async (organization: string) => {
      const [match] = await on.steps.openTasks(id, 'matching');
      await on.steps.complete(match.id, 'coord-lavoie', { organization }).expect(200);
      return on.api.waitForPhase(id, 'offer');
    };
    // First offer: nobody answers before the deadline.
    const offer = await offerTo('unesco');
    expect(offer.live.waitingFor).toMatchObject({ code: 'offer', until: expect.any(String) });
    await eventually(async () => ((await journal(id, 'intern.offer.expired')).length === 1 ? true : undefined), { timeoutMs: 30_000 });
    // Second: declined by event.
    await offerTo('oecd');
    await on.steps
      .event({ id: `decline-${id}`, type: 'intern.offer.declined', data: { businessKey: application.businessKey, organization: 'oecd' } })
      .expect(201);
    // Third: an answer about another organization is ignored; the right one is accepted.
    await offerTo('unesco');
    await on.steps
      .event({ id: `wrong-${id}`, type: 'intern.offer.accepted', data: { businessKey: application.businessKey, organization: 'oecd' } })
      .expect(201);
    await on.steps
      .event({ id: `accept-${id}`, type: 'intern.offer.accepted', data: { businessKey: application.businessKey, organization: 'unesco' } })
      .expect(201);

    const preDeparture = await on.steps.openTasks(id, 'pre-departure', 2);
    expect(preDeparture.every((t) => t.assigneeId === 'intern-2027-042')).toBe(true);
    for (const task of preDeparture) await on.steps.complete(task.id, 'intern-2027-042').expect(200);
    // The placement dates have passed meanwhile: the reports come at once, mid-term then final.
    const [midterm] = await on.steps.openTasks(id, 'report');
    expect(midterm.title).toContain('mi-parcours');
    await on.steps.complete(midterm.id, 'intern-2027-042').expect(200);
    const [final] = await on.steps.openTasks(id, 'report');
    expect(final.title).toContain('final');
    await on.steps.complete(final.id, 'intern-2027-042').expect(200);

    expect(await on.steps.closed(id)).toMatchObject({ outcome: 'concluded', closingSummary: 'Stage terminé auprès de unesco.' });
    expect(await journal(id, 'intern.offer.declined')).toHaveLength(1);
    expect(await journal(id, 'event.ignored')).toHaveLength(1);
    const stored = await on.stack.dataSource.getRepository(ExternalEventEntity).findOneByOrFail({ eventId: `accept-${id}` });
    expect(stored.routedTo).toEqual([{ workflowId, via: 'signal' }]);
    await recordHistory(on.stack.client, workflowId, 'intern-placement', 'concluded');
  });

  it('ends as withdrawn when the applicant is not eligible', async () => {
    const launched = await on.api.launch(launchBodies.intern());
    const [screening] = await on.steps.openTasks(launched.id, 'eligibility-screening');
    await on.steps.complete(screening.id, 'officer-bergeron', { eligible: 'no' }, 'Dossier incomplet.').expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Dossier incomplet.' });
  });
});
