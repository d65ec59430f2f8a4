import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('expert task force: nomination, federal clearance, meetings, reports', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', FEDERAL_RESPONSE_TIMEOUT: '5 minutes' });

  it('refuses a launch without approvers or with no report', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.expertTaskForce({ nominationApproverIds: [], reportCount: 0 }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nominationApproverIds', 'reportCount']);
  });

  it('runs from nomination (revised once) to the expert’s report, cleared by a federal event', async () => {
    const launched = await on.api.launch(launchBodies.expertTaskForce());
    const [file] = await on.steps.openTasks(launched.id, 'nomination-file');
    await on.steps.complete(file.id, 'coord-lavoie').expect(200);
    await on.api.waitForPhase(launched.id, 'nomination-approval');
    await on.steps
      .post(launched.id, 'approval-decision', { decision: 'revise', comments: 'Ajouter le CV.', actorId: 'dm-international' })
      .expect(200);
    const [revised] = await on.steps.openTasks(launched.id, 'nomination-file');
    expect(revised.title).toContain('révision 2');
    await on.steps.complete(revised.id, 'coord-lavoie').expect(200);
    await on.api.waitForPhase(launched.id, 'nomination-approval');
    await on.steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'expert-pelletier' }).expect(403);
    await on.steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    // The federal clearance arrives as an event.
    await on.api.waitForPhase(launched.id, 'federal-clearance');
    // The live part comes from a query with a timeout: a loaded machine may answer without it, so ask until it is there.
    const waiting = await eventually(async () => {
      const body = (await on.stack.http().get(`/participations/${launched.id}`)).body;
      return body?.live?.waitingFor ? body : undefined;
    });
    expect(waiting.live.waitingFor.label).toContain('autorisation fédérale');
    const event = {
      id: `fed-${launched.id}`,
      type: 'federal.response.received',
      data: {
        kind: 'expert-task-force',
        businessKey: launched.workflowId.split('/')[1],
        decision: 'granted',
        note: 'Cote de sécurité confirmée.',
      },
    };
    await on.steps.event(event).expect(201);

    const [attendance] = await on.steps.openTasks(launched.id, 'attendance');
    expect(attendance.assigneeId).toBe('expert-pelletier');
    await on.steps.complete(attendance.id, 'expert-pelletier', { attended: 'yes' }).expect(200);
    const [report] = await on.steps.openTasks(launched.id, 'report');
    await on.steps.complete(report.id, 'expert-pelletier').expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'concluded' });
    const federal = await on.stack.dataSource
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ participationId: launched.id, action: 'federal.response' });
    expect(federal).toMatchObject({ actorId: 'federal-government', note: 'Cote de sécurité confirmée.' });
    await recordHistory(on.stack.client, launched.workflowId, 'expert-task-force', 'concluded');
  });

  it('ends as withdrawn when the clearance is refused; a late federal event is journaled as ignored', async () => {
    const launched = await on.api.launch(launchBodies.expertTaskForce());
    const [file] = await on.steps.openTasks(launched.id, 'nomination-file');
    await on.steps.complete(file.id, 'coord-lavoie').expect(200);
    await on.api.waitForPhase(launched.id, 'nomination-approval');
    // Answering before the request is pending is refused by the workflow (409) and ignored as an event.
    await on.api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(409);
    const key = launched.workflowId.split('/')[1];
    await on.steps
      .event({
        id: `early-${launched.id}`,
        type: 'federal.response.received',
        data: { kind: 'expert-task-force', businessKey: key, decision: 'granted' },
      })
      .expect(201);
    await eventually(
      async () =>
        (await on.stack.dataSource.getRepository(AuditEntryEntity).findOneBy({ participationId: launched.id, action: 'event.ignored' })) ??
        undefined,
    );
    await on.steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);
    await on.api.waitForPhase(launched.id, 'federal-clearance');
    await on.api
      .step(launched.id, 'federal-response', { decision: 'refused', note: 'Conflit d’intérêts.', actorId: 'coord-lavoie' })
      .expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Conflit d’intérêts.' });
  });
});
