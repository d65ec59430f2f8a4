import { recordHistory } from '../helpers/histories';
import { launchBodies } from '../helpers/kind-fixtures';
import { participationApi } from '../helpers/participation-api';
import { processApi } from '../helpers/process-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';

describe('SPP working group: meetings and deliverables side by side, a report, then closing', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  let steps: ReturnType<typeof processApi>;

  beforeAll(async () => {
    stack = await startTestStack({ TASK_DUE_AFTER: '5 minutes' });
    api = participationApi(stack);
    steps = processApi(stack);
  });
  afterAll(() => stack.close());

  it('refuses a launch body with bad meetings and duplicate deliverables', async () => {
    const res = await stack
      .http()
      .post('/participations')
      .send(launchBodies.spp({ meetings: [{ date: 'soon' }], deliverables: [{ code: 'a', expertId: 'x' }, { code: 'a', expertId: 'y' }] }))
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['meetings.0.date', 'meetings.0.leadExpertId', 'deliverables']));
  });

  it('runs from launch to the coordinator’s closing', async () => {
    const launched = await api.launch(launchBodies.spp());
    await api.waitForPhase(launched.id, 'working-group');
    const deliverables = await steps.openTasks(launched.id, 'deliverable', 2);
    expect(deliverables.map((t) => t.assigneeId).sort()).toEqual(['expert-diaz', 'expert-morin']);

    // The meeting's date passes while the deliverables are in progress: attendance, then its debrief.
    const [attendance] = await steps.openTasks(launched.id, 'attendance');
    await steps.complete(attendance.id, 'expert-morin', { attended: 'yes' }).expect(200);
    const [debrief] = await steps.openTasks(launched.id, 'debrief');
    await steps.complete(debrief.id, 'expert-morin').expect(200);
    for (const task of deliverables) await steps.complete(task.id, task.assigneeId).expect(200);

    await api.waitForPhase(launched.id, 'reporting');
    const [report] = await steps.openTasks(launched.id, 'report');
    expect(report.assigneeId).toBe('coord-lavoie');
    await api.step(launched.id, 'close', { outcome: 'concluded', actorId: 'coord-lavoie' }).expect(409);
    await steps.complete(report.id, 'coord-lavoie').expect(200);

    const closing = await api.waitForPhase(launched.id, 'closing');
    expect(closing.live.details.sessions).toEqual([expect.objectContaining({ key: 'm1', status: 'held' })]);
    await api.step(launched.id, 'close', { outcome: 'suspended', summary: 'Groupe mis en veille.', actorId: 'coord-lavoie' }).expect(200);
    expect(await steps.closed(launched.id)).toMatchObject({ outcome: 'suspended', closingSummary: 'Groupe mis en veille.' });
    await recordHistory(stack.client, launched.workflowId, 'spp-working-group', 'suspended');
  });

  it('cancels with a reason, closing the open deliverables', async () => {
    const launched = await api.launch(launchBodies.spp({ meetings: [] }));
    await steps.openTasks(launched.id, 'deliverable', 2);
    await api.step(launched.id, 'cancel', { reason: 'Partenariat suspendu.', actorId: 'coord-lavoie' }).expect(200);
    expect(await steps.closed(launched.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Partenariat suspendu.' });
    expect((await api.tasks(launched.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
  });
});
