import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { inSeconds } from '../../test/helpers/process-api';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('office redeployment: proposal, analysis, decision, notices, preparations, effective date, review a year later', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', OFFICE_REVIEW_DELAY: '2s' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });

  const complete = async (id: string, kind: string, fields?: Record<string, string>) => {
    const [task] = await on.steps.openTasks(id, kind);
    await on.steps.complete(task.id, task.assigneeId, fields).expect(200);
    return task;
  };

  it('refuses an office not in the reference list and an unknown action, naming each field', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.office({ officeCode: 'monterrey', action: 'rename' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'officeCode']);
  });

  it('opens the office on its moved date after a revision, both notices answered from outside, and reviews it after the delay', async () => {
    const body = launchBodies.office();
    const launched = await on.api.launch(body);

    // First version sent back for revision, the second approved.
    await complete(launched.id, 'proposal');
    await complete(launched.id, 'analysis');
    await on.api.waitForPhase(launched.id, 'government-decision');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'revise', actorId: 'dm-international' }).expect(422);
    await on.api
      .step(launched.id, 'mandate-decision', { decision: 'revise', comments: 'Préciser le coût des locaux.', actorId: 'dm-international' })
      .expect(200);
    const proposal = await complete(launched.id, 'proposal');
    expect(proposal.title).toContain('version 2');
    await complete(launched.id, 'analysis');
    await on.api.waitForPhase(launched.id, 'government-decision');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    await on.api.waitForPhase(launched.id, 'office-notices');
    await on.steps
      .event({ id: `host-${body.businessKey}`, type: 'office.host.acknowledged', data: { businessKey: body.businessKey } })
      .expect(201);
    await on.steps
      .event({
        id: `fed-${body.businessKey}`,
        type: 'federal.response.received',
        data: { kind: 'office-redeployment', businessKey: body.businessKey, decision: 'granted' },
      })
      .expect(201);

    const preparations = [...(await on.steps.openTasks(launched.id, 'premises')), ...(await on.steps.openTasks(launched.id, 'staffing'))];
    expect(preparations.map((t) => t.assigneeId).sort()).toEqual(['coord-lavoie', 'expert-morin']);
    for (const task of preparations) await on.steps.complete(task.id, task.assigneeId).expect(200);

    // The opening, a minute ahead, is brought forward to a few seconds from now; the review follows OFFICE_REVIEW_DELAY later.
    await on.api.waitForPhase(launched.id, 'effective-date');
    await on.steps.post(launched.id, 'sessions/effective/reschedule', { date: inSeconds(1), actorId: 'coord-lavoie' }).expect(202);
    const reviewing = await on.api.waitForPhase(launched.id, 'office-review');
    const effectiveAt = Date.parse(reviewing.live.details.effectiveAt);
    const [review] = await on.steps.openTasks(launched.id, 'review');
    expect(Date.now() - effectiveAt).toBeGreaterThanOrEqual(2000);
    await on.steps.complete(review.id, 'coord-lavoie').expect(200);

    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'concluded', phase: 'closed' });
    expect(await journal(launched.id, 'session.rescheduled')).toHaveLength(1);
    expect(await journal(launched.id, 'approval.revise')).toHaveLength(1);
    await recordHistory(on.stack.client, launched.workflowId, 'office-redeployment', 'reviewed');
  });

  it('ends as withdrawn when the government rejects the proposal', async () => {
    const launched = await on.api.launch(launchBodies.office({ action: 'close', preparations: [] }));
    await complete(launched.id, 'proposal');
    await complete(launched.id, 'analysis');
    await on.api.waitForPhase(launched.id, 'government-decision');
    await on.api
      .step(launched.id, 'mandate-decision', { decision: 'reject', comments: 'Bureau maintenu.', actorId: 'dm-international' })
      .expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Bureau maintenu.' });
  });
});
