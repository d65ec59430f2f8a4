import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordAllRuns } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { onProcessStack } from '../../test/helpers/process-stack';

/** A one-"year" mandate of three reporting periods, two per run: the workflow continues as new once. */
describe('UNESCO representation: nomination to succession, across runs', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', MANDATE_YEAR_LENGTH: '6s', CYCLES_PER_RUN: '2' });

  it('refuses a mandate of zero years and an unknown UNESCO body', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.unesco({ mandateYears: 0, sessions: [{ body: 'security-council', date: '2027-01-01T00:00:00Z' }] }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['mandateYears', 'sessions.0.body']);
  });

  it('reports every period of the mandate, continuing as new with its step sequence, then names a successor', async () => {
    const launched = await on.api.launch(launchBodies.unesco());
    const [file] = await on.steps.openTasks(launched.id, 'nomination-file');
    await on.steps.complete(file.id, 'coord-lavoie').expect(200);
    await on.api.waitForPhase(launched.id, 'nomination-approval');
    await on.steps.post(launched.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);
    await on.api.waitForPhase(launched.id, 'federal-agreement');
    await on.api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [accreditation] = await on.steps.openTasks(launched.id, 'accreditation');
    await on.steps.complete(accreditation.id, 'coord-lavoie').expect(200);

    // Period 1 holds the Executive Board session: briefing, attendance, debrief; then its report.
    await on.api.waitForPhase(launched.id, 'mandate');
    for (const kind of ['briefing-note', 'attendance', 'debrief']) {
      const [task] = await on.steps.openTasks(launched.id, kind);
      expect(task.assigneeId).toBe('rep-bouchard');
      await on.steps.complete(task.id, 'rep-bouchard', kind === 'attendance' ? { attended: 'yes' } : undefined).expect(200);
    }
    for (let period = 1; period <= 3; period += 1) {
      const [report] = await on.steps.openTasks(launched.id, 'report');
      expect(report.title).toBe(`Rapport périodique ${period} sur 3`);
      await on.steps.complete(report.id, 'rep-bouchard').expect(200);
      if (period === 2) {
        // The third period runs in a new run that carried the phase and the journal sequence.
        const detail = await on.api.waitForPhase(launched.id, 'mandate');
        expect(detail.live).toMatchObject({ phase: 'mandate', status: 'active' });
      }
    }

    const [succession] = await on.steps.openTasks(launched.id, 'succession');
    await on.steps.complete(succession.id, 'coord-lavoie', { successorId: 'rep-gauthier' }).expect(200);
    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({ outcome: 'concluded', closingSummary: expect.stringContaining('rep-gauthier') });

    const audit = on.stack.dataSource.getRepository(AuditEntryEntity);
    expect(await audit.countBy({ participationId: launched.id, action: 'participation.continued' })).toBe(1);
    // No idempotency key repeated across runs: every task opened got its row and its journal entry. The
    // approval task was cancelled by the decision sent to the endpoint; every other task was delivered.
    const tasks = await on.api.tasks(launched.id);
    expect(tasks).toHaveLength(10);
    expect(await audit.countBy({ participationId: launched.id, action: 'task.opened' })).toBe(10);
    expect(tasks.filter((t) => t.kind !== 'approval').every((t) => t.status === 'completed')).toBe(true);
    expect(tasks.filter((t) => t.kind === 'approval').map((t) => t.status)).toEqual(['cancelled']);
    const runs = [];
    for await (const run of on.stack.client.workflow.list({ query: `WorkflowId = '${launched.workflowId}'` })) runs.push(run.status.name);
    expect(runs.sort()).toEqual(['COMPLETED', 'CONTINUED_AS_NEW']);
    await recordAllRuns(on.stack.client, launched.workflowId, 'unesco-representation', 'concluded');
  });
});
