import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('SPP working group: meetings and deliverables side by side, a report, then closing', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes' });

  it('refuses a launch body with bad meetings and duplicate deliverables', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(
        launchBodies.spp({
          meetings: [{ date: 'soon' }],
          deliverables: [
            { code: 'a', expertId: 'x' },
            { code: 'a', expertId: 'y' },
          ],
        }),
      )
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['meetings.0.date', 'meetings.0.leadExpertId', 'deliverables']));
  });

  it('runs from launch to the coordinator’s closing', async () => {
    const launched = await on.api.launch(launchBodies.spp());
    await on.api.waitForPhase(launched.id, 'working-group');
    const deliverables = await on.steps.openTasks(launched.id, 'deliverable', 2);
    expect(deliverables.map((t) => t.assigneeId).sort()).toEqual(['expert-diaz', 'expert-morin']);

    // The meeting's date passes while the deliverables are in progress: attendance, then its debrief.
    const [attendance] = await on.steps.openTasks(launched.id, 'attendance');
    await on.steps.complete(attendance.id, 'expert-morin', { attended: 'yes' }).expect(200);
    const [debrief] = await on.steps.openTasks(launched.id, 'debrief');
    await on.steps.complete(debrief.id, 'expert-morin').expect(200);
    for (const task of deliverables) await on.steps.complete(task.id, task.assigneeId).expect(200);

    await on.api.waitForPhase(launched.id, 'reporting');
    const [report] = await on.steps.openTasks(launched.id, 'report');
    expect(report.assigneeId).toBe('coord-lavoie');
    await on.api.step(launched.id, 'close', { outcome: 'concluded', actorId: 'coord-lavoie' }).expect(409);
    await on.steps.complete(report.id, 'coord-lavoie').expect(200);

    const closing = await on.api.waitForPhase(launched.id, 'closing');
    expect(closing.live.details.sessions).toEqual([expect.objectContaining({ key: 'm1', status: 'held' })]);
    await on.api
      .step(launched.id, 'close', { outcome: 'suspended', summary: 'Groupe mis en veille.', actorId: 'coord-lavoie' })
      .expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'suspended', closingSummary: 'Groupe mis en veille.' });
    await recordHistory(on.stack.client, launched.workflowId, 'spp-working-group', 'suspended');
  });

  it('cancels with a reason, closing the open deliverables', async () => {
    const launched = await on.api.launch(launchBodies.spp({ meetings: [] }));
    await on.steps.openTasks(launched.id, 'deliverable', 2);
    await on.api.step(launched.id, 'cancel', { reason: 'Partenariat suspendu.', actorId: 'coord-lavoie' }).expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Partenariat suspendu.' });
    expect((await on.api.tasks(launched.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
  });
});
