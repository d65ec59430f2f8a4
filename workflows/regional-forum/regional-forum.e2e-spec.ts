import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { declineTaskUpdate, reassignTaskUpdate } from '../../libs/contracts/src';
import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { inSeconds } from '../../test/helpers/process-api';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('regional forum: delegate, briefing note, attendance, report', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });

  it('refuses a forum that is not a regional forum, naming the field', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.regionalForum({ forum: 'g7' }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'forum', constraint: 'isIn' })]);
  });

  it('refuses a session date no timer could wait for, before any workflow starts', async () => {
    const body = launchBodies.regionalForum({ sessionDate: '2900-01-01T00:00:00Z' });
    const res = await on.stack.http().post('/participations').send(body).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sessionDate', constraint: 'isWithinCentury' })]);
    expect(
      (await on.stack.http().get('/participations').query({ kind: 'regional-forum', pageSize: 100 }).expect(200)).body.items.map(
        (p: { businessKey: string }) => p.businessKey,
      ),
    ).not.toContain(body.businessKey);
  });

  it('runs to its report; tasks are declined, reassigned and the session moved on the way', async () => {
    const launched = await on.api.launch(launchBodies.regionalForum());
    await on.api.waitForPhase(launched.id, 'delegate-assignment');

    // The delegate is named in a structured deliverable: without it the task is refused.
    const [assignment] = await on.steps.openTasks(launched.id, 'delegate-assignment');
    expect(assignment.assigneeId).toBe('coord-lavoie');
    const missing = await on.steps.complete(assignment.id, 'coord-lavoie').expect(422);
    expect(missing.body.message).toContain('delegateId');
    await on.steps.complete(assignment.id, 'coord-lavoie', { delegateId: 'delegate-ouellet' }).expect(200);

    // Briefing: the author declines (back to the coordinator), who reassigns it.
    const [briefing] = await on.steps.openTasks(launched.id, 'briefing-note');
    const handle = on.stack.client.workflow.getHandle(launched.workflowId);
    const refusal = async (promise: Promise<unknown>) => {
      const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      return ((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type;
    };
    expect(
      await refusal(handle.executeUpdate(declineTaskUpdate, { args: [{ taskId: briefing.id, actorId: 'someone-else', reason: 'x' }] })),
    ).toBe('NotAllowed');
    expect(
      await refusal(handle.executeUpdate(declineTaskUpdate, { args: [{ taskId: briefing.id, actorId: 'expert-caron', reason: ' ' }] })),
    ).toBe('InvalidInput');
    const declined = await handle.executeUpdate(declineTaskUpdate, {
      args: [{ taskId: briefing.id, actorId: 'expert-caron', reason: 'En mission à l’étranger.' }],
    });
    // Without a role to return to, the task waits declined for the coordinator to reassign it.
    expect(declined).toMatchObject({ status: 'declined', assigneeId: 'expert-caron' });
    expect(
      await refusal(
        handle.executeUpdate(reassignTaskUpdate, {
          args: [{ taskId: briefing.id, actorId: 'coord-lavoie', assigneeId: 'expert-caron', reason: 'x' }],
        }),
      ),
    ).toBe('InvalidInput');
    await handle.executeUpdate(reassignTaskUpdate, {
      args: [{ taskId: briefing.id, actorId: 'coord-lavoie', assigneeId: 'expert-nadeau', reason: 'Spécialiste des régions.' }],
    });
    const row = await eventually(async () => {
      const task = (await on.api.tasks(launched.id)).find((t) => t.id === briefing.id);
      return task?.assigneeId === 'expert-nadeau' ? task : undefined;
    });
    expect(row.status).toBe('open');
    expect((await journal(launched.id, 'task.declined'))[0]).toMatchObject({ actorId: 'expert-caron', note: 'En mission à l’étranger.' });
    expect((await journal(launched.id, 'task.reassigned'))[0]).toMatchObject({
      actorId: 'coord-lavoie',
      newValue: expect.objectContaining({ assigneeId: 'expert-nadeau' }),
    });
    await on.steps.complete(briefing.id, 'expert-nadeau').expect(200);

    // The session was planned a minute ahead; moved to a few seconds from now, its timer follows.
    await on.api.waitForPhase(launched.id, 'forum-session');
    await on.steps.post(launched.id, 'sessions/forum/reschedule', { date: inSeconds(2), actorId: 'coord-lavoie' }).expect(202);
    await on.steps.post(launched.id, 'sessions/Not A Key/reschedule', { date: inSeconds(2), actorId: 'coord-lavoie' }).expect(400);
    const [attendance] = await on.steps.openTasks(launched.id, 'attendance');
    expect(attendance.assigneeId).toBe('delegate-ouellet');
    await on.steps.complete(attendance.id, 'delegate-ouellet', { attended: 'maybe' }).expect(422);
    await on.steps.complete(attendance.id, 'delegate-ouellet', { attended: 'yes' }).expect(200);
    expect(await journal(launched.id, 'session.rescheduled')).toHaveLength(1);

    const [report] = await on.steps.openTasks(launched.id, 'report');
    expect(report.assigneeId).toBe('delegate-ouellet');
    await on.steps.complete(report.id, 'delegate-ouellet').expect(200);
    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'concluded', phase: 'closed' });
    await recordHistory(on.stack.client, launched.workflowId, 'regional-forum', 'concluded');
  });

  it('keeps a session moved while the delegate is being chosen on its new date', async () => {
    const launched = await on.api.launch(launchBodies.regionalForum({ sessionDate: inSeconds(3600) }));
    await on.api.waitForPhase(launched.id, 'delegate-assignment');
    const moved = inSeconds(7200);
    await on.steps.post(launched.id, 'sessions/forum/reschedule', { date: moved, actorId: 'coord-lavoie' }).expect(202);
    const [assignment] = await on.steps.openTasks(launched.id, 'delegate-assignment');
    await on.steps.complete(assignment.id, 'coord-lavoie', { delegateId: 'delegate-ouellet' }).expect(200);
    await on.api.waitForPhase(launched.id, 'briefing');
    const session = async () => ((await on.api.get(launched.id)).live?.details.sessions as { date: string; leadId: string }[])[0];
    await eventually(async () => ((await session()).leadId === 'delegate-ouellet' ? true : undefined));
    expect(Date.parse((await session()).date)).toBe(Date.parse(moved));
    await recordHistory(on.stack.client, launched.workflowId, 'regional-forum', 'moved-before-delegate');
    await on.api.step(launched.id, 'cancel', { reason: 'Fin du test.', actorId: 'coord-lavoie' }).expect(200);
    await on.steps.closed(launched.id);
  });

  it('ends as withdrawn when its session is cancelled, and can be cancelled with a reason', async () => {
    const launched = await on.api.launch(launchBodies.regionalForum());
    await on.api.waitForPhase(launched.id, 'delegate-assignment');
    await on.steps.post(launched.id, 'sessions/forum/cancel', { reason: 'Assemblée reportée.', actorId: 'coord-lavoie' }).expect(202);
    const [assignment] = await on.steps.openTasks(launched.id, 'delegate-assignment');
    await on.steps.complete(assignment.id, 'coord-lavoie', { delegateId: 'delegate-ouellet' }).expect(200);
    const [briefing] = await on.steps.openTasks(launched.id, 'briefing-note');
    await on.steps.complete(briefing.id, 'expert-caron').expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({
      outcome: 'withdrawn',
      closingSummary: expect.stringContaining('Session annulée'),
    });

    const other = await on.api.launch(launchBodies.regionalForum());
    await on.steps.openTasks(other.id, 'delegate-assignment');
    await on.api.step(other.id, 'cancel', { reason: 'Délégation retirée.', actorId: 'coord-lavoie' }).expect(200);
    expect(await on.steps.closed(other.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Délégation retirée.' });
    expect((await on.api.tasks(other.id)).map((t) => t.status)).toEqual(['cancelled']);
  });
});
