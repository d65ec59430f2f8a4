import { ScheduleNotFoundError } from '@temporalio/client';
import { watchScheduleId } from './washington-watch.contract';
import { recordAllRuns } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

/** Reports every 2 seconds from a real Temporal Schedule; two reports per run, then continue-as-new. */
describe('Washington watch: a Temporal Schedule makes reports due; paused and resumed through the API', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', WATCH_REPORT_INTERVAL: '2s', CYCLES_PER_RUN: '2' });

  it('refuses an institution it does not follow', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.washington({ institutions: ['imf'] }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'institutions', constraint: 'isIn' })]);
  });

  it('opens a report at each interval, continues as new, pauses and resumes its schedule, then closes', async () => {
    const launched = await on.api.launch(launchBodies.washington());
    await on.api.waitForPhase(launched.id, 'monitoring');
    const schedule = on.stack.client.schedule.getHandle(watchScheduleId(launched.workflowId));
    expect((await schedule.describe()).state.paused).toBe(false);

    // Deliver the reports as they fall due, until the participation runs in its second run.
    const delivered = new Set<string>();
    const secondRun = await eventually(
      async () => {
        for (const task of (await on.api.tasks(launched.id)).filter((t) => t.status === 'open' && t.kind === 'monitoring-report')) {
          await on.steps.complete(task.id, 'analyst-fortin');
          delivered.add(task.id);
        }
        const detail = await on.api.get(launched.id);
        return detail.live?.run === 2 ? detail : undefined;
      },
      { what: 'the watch to continue as new', timeoutMs: 40_000, intervalMs: 200 },
    );
    expect(delivered.size).toBeGreaterThanOrEqual(2);
    expect(secondRun).toMatchObject({ phase: 'monitoring', status: 'active' });

    // Pause: the schedule stops; a second pause is refused.
    const paused = await on.steps
      .post(launched.id, 'monitoring/pause', { actorId: 'coord-lavoie', note: 'Période électorale.' })
      .expect(200);
    expect(paused.body.phase).toBe('paused');
    expect((await schedule.describe()).state).toMatchObject({ paused: true, note: 'Période électorale.' });
    await on.steps.post(launched.id, 'monitoring/pause', { actorId: 'coord-lavoie' }).expect(409);
    const before = (await on.api.tasks(launched.id)).length;
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect((await on.api.tasks(launched.id)).length).toBe(before);

    // Resume: reports fall due again.
    await on.steps.post(launched.id, 'monitoring/resume', { actorId: 'coord-lavoie' }).expect(200);
    expect((await schedule.describe()).state.paused).toBe(false);
    await eventually(async () => ((await on.api.tasks(launched.id)).length > before ? true : undefined), {
      what: 'a report after resuming',
    });

    // Closing deletes the schedule and cancels the report in progress.
    await on.api.step(launched.id, 'close', { outcome: 'concluded', summary: 'Veille transférée.', actorId: 'coord-lavoie' }).expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ outcome: 'concluded', closingSummary: 'Veille transférée.' });
    await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    const statuses = new Set((await on.api.tasks(launched.id)).map((t) => t.status));
    expect([...statuses].every((s) => s === 'completed' || s === 'cancelled')).toBe(true);
    await recordAllRuns(on.stack.client, launched.workflowId, 'washington-watch', 'closed');
  });

  it('deletes its schedule when cancelled', async () => {
    const launched = await on.api.launch(launchBodies.washington());
    await on.api.waitForPhase(launched.id, 'monitoring');
    await on.api.step(launched.id, 'cancel', { reason: 'Poste fermé.', actorId: 'coord-lavoie' }).expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Poste fermé.' });
    await expect(on.stack.client.schedule.getHandle(watchScheduleId(launched.workflowId)).describe()).rejects.toBeInstanceOf(
      ScheduleNotFoundError,
    );
  });
});
