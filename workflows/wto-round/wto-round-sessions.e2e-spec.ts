import { AuditEntryEntity } from '../../libs/persistence/src';
import { eventually } from '../../test/helpers/test-stack';
import { recordHistory } from '../../test/helpers/histories';
import { inSeconds } from '../../test/helpers/process-api';
import { wtoLaunchBody } from '../../test/helpers/wto-round.fixtures';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('WTO round sessions: announced and moved by events, cancelled by signal', () => {
  const on = onProcessStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes' });

  it('holds the sessions of its calendar in date order, whatever the events did to it', async () => {
    const body = wtoLaunchBody({ sessions: [{ date: inSeconds(600), leadExpertId: 'expert-tremblay' }] });
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'federal-coordination');
    const scheduled = (id: string, sessionKey: string, date: string, leadExpertId: string) =>
      on.steps.event({ id, type: 'wto.session.scheduled', data: { businessKey: body.businessKey, sessionKey, date, leadExpertId } });

    // A new session is announced, the planned one is brought forward, a third is announced then cancelled.
    await scheduled(`${body.businessKey}-s2`, 's2', inSeconds(1), 'expert-nguyen').expect(201);
    await scheduled(`${body.businessKey}-s1`, 's1', inSeconds(2), 'expert-tremblay').expect(201);
    await scheduled(`${body.businessKey}-s3`, 's3', inSeconds(3), 'expert-nguyen').expect(201);
    // A moved session is named by its new date (the page, its tasks and waits), not the one it was planned on.
    const later = new Date(Date.parse(inSeconds(0)) + 400 * 24 * 3600_000).toISOString();
    await on.steps.post(launched.id, 'sessions/s3/reschedule', { date: later, reason: 'Reportée.', actorId: 'coord-lavoie' }).expect(202);
    const moved = async () =>
      ((await on.api.get(launched.id)).live?.details.sessions as { key: string; label: string }[]).find((s) => s.key === 's3')?.label;
    await eventually(async () => ((await moved())?.includes(later.slice(0, 10)) ? true : undefined));
    await on.steps.post(launched.id, 'sessions/s3/cancel', { reason: 'Session supprimée.', actorId: 'coord-lavoie' }).expect(202);
    const live = (await on.api.get(launched.id)).live;
    expect(live.details.sessions.map((s: { key: string; status: string }) => `${s.key}:${s.status}`)).toEqual([
      's1:scheduled',
      's2:scheduled',
      's3:cancelled',
    ]);
    // Said at once rather than journaled as ignored: a session it never had, one no longer scheduled.
    const unknown = await on.steps
      .post(launched.id, 'sessions/s99/reschedule', { date: inSeconds(60), actorId: 'coord-lavoie' })
      .expect(404);
    expect(unknown.body.message).toBe('La séance « s99 » est introuvable.');
    const again = await on.steps.post(launched.id, 'sessions/s3/cancel', { reason: 'Encore.', actorId: 'coord-lavoie' }).expect(409);
    expect(again.body.message).toContain('« s3 » n’est plus prévue (cancelled)');

    await on.api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    for (const task of await on.steps.openTasks(launched.id, 'position', 2)) await on.steps.complete(task.id, task.assigneeId).expect(200);
    await on.api.waitForPhase(launched.id, 'mandate-approval');
    await on.api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    // Each session held: its lead confirms attendance, then writes the debrief.
    const [present] = await on.steps.openTasks(launched.id, 'attendance');
    expect(present).toMatchObject({ assigneeId: 'expert-nguyen', title: expect.stringContaining('s2') });
    await on.steps.complete(present.id, 'expert-nguyen', { attended: 'yes' }).expect(200);
    const [first] = await on.steps.openTasks(launched.id, 'debrief');
    expect(first).toMatchObject({ assigneeId: 'expert-nguyen', title: expect.stringContaining('s2') });
    await on.steps.complete(first.id, 'expert-nguyen').expect(200);
    const [absent] = await on.steps.openTasks(launched.id, 'attendance');
    await on.steps.complete(absent.id, 'expert-tremblay', { attended: 'no' }).expect(200);
    const [second] = await on.steps.openTasks(launched.id, 'debrief');
    expect(second).toMatchObject({ assigneeId: 'expert-tremblay', title: expect.stringContaining('s1') });
    await on.steps.complete(second.id, 'expert-tremblay').expect(200);

    await on.api.waitForPhase(launched.id, 'closing');
    // Too late for the calendar: journaled as ignored.
    await scheduled(`${body.businessKey}-s4`, 's4', inSeconds(60), 'expert-nguyen').expect(201);
    await on.api.step(launched.id, 'close', { outcome: 'concluded', actorId: 'coord-lavoie' }).expect(200);
    await on.steps.closed(launched.id);
    const audit = on.stack.dataSource.getRepository(AuditEntryEntity);
    expect(await audit.countBy({ participationId: launched.id, action: 'session.held' })).toBe(2);
    expect(await audit.countBy({ participationId: launched.id, action: 'session.cancelled' })).toBe(1);
    expect(await audit.countBy({ participationId: launched.id, action: 'event.ignored' })).toBe(1);
    await recordHistory(on.stack.client, launched.workflowId, 'wto-round', 'session-calendar');
  });
});
