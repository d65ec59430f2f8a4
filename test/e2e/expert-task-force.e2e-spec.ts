import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../helpers/histories';
import { launchBodies } from '../helpers/kind-fixtures';
import { participationApi } from '../helpers/participation-api';
import { processApi } from '../helpers/process-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

describe('expert task force: nomination, federal clearance, meetings, reports', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  let steps: ReturnType<typeof processApi>;

  beforeAll(async () => {
    stack = await startTestStack({ TASK_DUE_AFTER: '5 minutes', FEDERAL_RESPONSE_TIMEOUT: '5 minutes' });
    api = participationApi(stack);
    steps = processApi(stack);
  });
  afterAll(() => stack.close());

  it('refuses a launch without approvers or with no report', async () => {
    const res = await stack.http().post('/participations').send(launchBodies.expertTaskForce({ nominationApproverIds: [], reportCount: 0 })).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nominationApproverIds', 'reportCount']);
  });

  it('runs from nomination (revised once) to the expert’s report, cleared by a federal event', async () => {
    const launched = await api.launch(launchBodies.expertTaskForce());
    const [file] = await steps.openTasks(launched.id, 'nomination-file');
    await steps.complete(file.id, 'coord-lavoie').expect(200);
    await api.waitForPhase(launched.id, 'nomination-approval');
    await steps.post(launched.id, 'approval-decision', { decision: 'revise', comments: 'Ajouter le CV.', actorId: 'dm-international' }).expect(200);
    const [revised] = await steps.openTasks(launched.id, 'nomination-file');
    expect(revised.title).toContain('révision 2');
    await steps.complete(revised.id, 'coord-lavoie').expect(200);
    await api.waitForPhase(launched.id, 'nomination-approval');
    await steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'expert-pelletier' }).expect(403);
    await steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    // The federal clearance arrives as an event.
    const waiting = await api.waitForPhase(launched.id, 'federal-clearance');
    expect(waiting.live.waitingFor.label).toContain('autorisation fédérale');
    const event = {
      id: `fed-${launched.id}`,
      type: 'federal.response.received',
      data: { kind: 'expert-task-force', businessKey: launched.workflowId.split('/')[1], decision: 'granted', note: 'Cote de sécurité confirmée.' },
    };
    await steps.event(event).expect(201);

    const [attendance] = await steps.openTasks(launched.id, 'attendance');
    expect(attendance.assigneeId).toBe('expert-pelletier');
    await steps.complete(attendance.id, 'expert-pelletier', { attended: 'yes' }).expect(200);
    const [report] = await steps.openTasks(launched.id, 'report');
    await steps.complete(report.id, 'expert-pelletier').expect(200);
    expect(await steps.closed(launched.id)).toMatchObject({ outcome: 'concluded' });
    const federal = await stack.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ participationId: launched.id, action: 'federal.response' });
    expect(federal).toMatchObject({ actorId: 'federal-government', note: 'Cote de sécurité confirmée.' });
    await recordHistory(stack.client, launched.workflowId, 'expert-task-force', 'concluded');
  });

  it('ends as withdrawn when the clearance is refused; a late federal event is journaled as ignored', async () => {
    const launched = await api.launch(launchBodies.expertTaskForce());
    const [file] = await steps.openTasks(launched.id, 'nomination-file');
    await steps.complete(file.id, 'coord-lavoie').expect(200);
    await api.waitForPhase(launched.id, 'nomination-approval');
    // Answering before the request is pending is refused by the workflow (409) and ignored as an event.
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(409);
    const key = launched.workflowId.split('/')[1];
    await steps.event({ id: `early-${launched.id}`, type: 'federal.response.received', data: { kind: 'expert-task-force', businessKey: key, decision: 'granted' } }).expect(201);
    await eventually(async () =>
      (await stack.dataSource.getRepository(AuditEntryEntity).findOneBy({ participationId: launched.id, action: 'event.ignored' })) ?? undefined,
    );
    await steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);
    await api.waitForPhase(launched.id, 'federal-clearance');
    await api.step(launched.id, 'federal-response', { decision: 'refused', note: 'Conflit d’intérêts.', actorId: 'coord-lavoie' }).expect(200);
    expect(await steps.closed(launched.id)).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Conflit d’intérêts.' });
  });
});
