import { SA_PARTICIPATION_KIND, SA_PHASE } from '../../libs/contracts/src';
import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { participationApi } from '../../test/helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../../test/helpers/test-stack';
import { wtoLaunchBody } from '../../test/helpers/wto-round.fixtures';

describe('WTO round participation, HTTP → Temporal → worker → PostgreSQL', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes' });
    api = participationApi(stack);
  });
  afterAll(() => stack.close());

  it('runs from launch to a concluded round, with every phase stored and searchable', async () => {
    const body = wtoLaunchBody({ sessions: [{ date: new Date(Date.now() + 3000).toISOString(), leadExpertId: 'expert-tremblay' }] });
    const launched = await api.launch(body);
    expect(launched.workflowId).toBe(`wto-round/${body.businessKey}`);

    // Federal coordination: stored phase, live state, and what it waits for.
    const federal = await api.waitForPhase(launched.id, 'federal-coordination');
    expect(federal).toMatchObject({ kind: 'wto-round', forum: 'wto', coordinatorId: 'coord-lavoie', status: 'active' });
    expect(federal.live).toMatchObject({ phase: 'federal-coordination', waitingFor: { code: 'federal-response' } });
    expect(federal.live.waitingFor.label).toContain('gouvernement fédéral');

    const handle = stack.client.workflow.getHandle(launched.workflowId);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(SA_PARTICIPATION_KIND)).toBe('wto-round');
    expect(described.typedSearchAttributes.get(SA_PHASE)).toBe('federal-coordination');
    expect(await described.staticSummary()).toBe('Ronde de négociation de l’OMC — Cycle de Doha — agriculture');
    expect(await described.staticDetails()).toContain('**Coordonnateur** : coord-lavoie');

    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);

    // Position drafting: one task per issue area, assigned to its expert.
    await api.waitForPhase(launched.id, 'position-drafting');
    const positions = await api.waitForOpenTasks(launched.id, 'position', 2);
    expect(positions.map((t) => t.assigneeId).sort()).toEqual(['expert-nguyen', 'expert-tremblay']);
    for (const task of positions) await api.completeTask(task.id, task.assigneeId).expect(200);
    const again = await api.completeTask(positions[0].id, positions[0].assigneeId).expect(409);
    expect(again.body.error).toBe('wrong-state');

    // Mandate approval: only an approver decides; a revision needs comments and reopens the drafting.
    await api.waitForPhase(launched.id, 'mandate-approval');
    await api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'expert-nguyen' }).expect(403);
    await api.step(launched.id, 'mandate-decision', { decision: 'revise', actorId: 'dm-international' }).expect(422);
    await api
      .step(launched.id, 'mandate-decision', { decision: 'revise', comments: 'Préciser les contingents.', actorId: 'dm-international' })
      .expect(200);
    const revised = await api.waitForOpenTasks(launched.id, 'position', 2);
    expect(revised.every((t) => t.title.includes('révision 2'))).toBe(true);
    for (const task of revised) await api.completeTask(task.id, task.assigneeId).expect(200);
    await api.waitForPhase(launched.id, 'mandate-approval');
    await api.step(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);

    // Negotiation sessions: a durable timer to the session date, then attendance and the debrief.
    await api.waitForPhase(launched.id, 'negotiation-sessions');
    const [attendance] = await api.waitForOpenTasks(launched.id, 'attendance', 1);
    expect(attendance.assigneeId).toBe('expert-tremblay');
    await stack
      .http('expert-tremblay')
      .post(`/tasks/${attendance.id}/complete`)
      .send({ deliverable: { summary: 'Présente.', fields: { attended: 'yes' } } })
      .expect(200);
    const [debrief] = await api.waitForOpenTasks(launched.id, 'debrief', 1);
    expect(debrief.assigneeId).toBe('expert-tremblay');
    await api.completeTask(debrief.id, 'expert-tremblay', 'Compte rendu de la session 1.').expect(200);

    // Closing: a step out of its phase is refused, then the coordinator concludes.
    await api.waitForPhase(launched.id, 'closing');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(409);
    const closing = await api
      .step(launched.id, 'close', { outcome: 'concluded', summary: 'Accord conclu.', actorId: 'coord-lavoie' })
      .expect(200);
    // The answer is the round as it ended, not as it stood when the workflow took the request.
    expect(closing.body).toMatchObject({ status: 'completed', outcome: 'concluded', phase: 'closed' });

    const closed = await eventually(
      async () => {
        const p = await api.get(launched.id);
        return p.status === 'completed' ? p : undefined;
      },
      { what: 'the round to complete' },
    );
    expect(closed).toMatchObject({ phase: 'closed', outcome: 'concluded', closingSummary: 'Accord conclu.' });
    expect(closed.closedAt).not.toBeNull();
    expect(await handle.result()).toMatchObject({ outcome: 'concluded', workflowId: launched.workflowId });

    // Every phase change is in the journal exactly once, in order.
    const entries = await stack.dataSource.getRepository(AuditEntryEntity).find({
      where: { participationId: launched.id, action: 'participation.phase' },
      order: { id: 'ASC' },
    });
    expect(entries.map((e) => (e.newValue as { phase: string }).phase)).toEqual([
      'federal-coordination',
      'position-drafting',
      'mandate-approval',
      'position-drafting',
      'mandate-approval',
      'negotiation-sessions',
      'closing',
      'closed',
    ]);
    // The work was delivered; the approval and closing tasks were cancelled by the decisions sent to the endpoints.
    const tasks = await api.tasks(launched.id);
    const work = tasks.filter((t) => !['approval', 'closing'].includes(t.kind));
    expect(work.map((t) => t.kind).sort()).toEqual(['attendance', 'debrief', 'position', 'position', 'position', 'position']);
    expect(work.every((t) => t.status === 'completed' && t.deliverable?.summary)).toBe(true);
    const decisions = tasks.filter((t) => ['approval', 'closing'].includes(t.kind));
    expect(decisions.map((t) => `${t.kind}:${t.status}`).sort()).toEqual(['approval:cancelled', 'approval:cancelled', 'closing:cancelled']);

    // Supervisors find it in Temporal's visibility store by kind and phase.
    const found = await eventually(
      async () => {
        for await (const wf of stack.client.workflow.list({
          query: `ParticipationKind='wto-round' AND Phase='closed' AND WorkflowId='${launched.workflowId}'`,
        })) {
          return wf;
        }
        return undefined;
      },
      { what: 'the round in a visibility query' },
    );
    expect(found.status.name).toBe('COMPLETED');
    await recordHistory(stack.client, launched.workflowId, 'wto-round', 'concluded');
  });

  it('ends as withdrawn when the federal government refuses the seat', async () => {
    const launched = await api.launch(wtoLaunchBody());
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api
      .step(launched.id, 'federal-response', { decision: 'refused', note: 'Délégation complète.', actorId: 'coord-lavoie' })
      .expect(200);
    const closed = await eventually(
      async () => {
        const p = await api.get(launched.id);
        return p.status === 'completed' ? p : undefined;
      },
      { what: 'the refused round to close' },
    );
    expect(closed).toMatchObject({ outcome: 'withdrawn', phase: 'closed', closingSummary: 'Délégation complète.' });
  });

  it('cancels a round with a reason: open tasks are cancelled and the reason recorded', async () => {
    const launched = await api.launch(wtoLaunchBody());
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await api.waitForOpenTasks(launched.id, 'position', 2);

    const res = await api.step(launched.id, 'cancel', { reason: 'Forum reporté.', actorId: 'coord-lavoie' }).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', outcome: 'cancelled', cancelReason: 'Forum reporté.', phase: 'closed' });

    const cancelled = await eventually(
      async () => {
        const p = await api.get(launched.id);
        return p.status === 'cancelled' ? p : undefined;
      },
      { what: 'the round to be cancelled' },
    );
    expect(cancelled).toMatchObject({ outcome: 'cancelled', closingSummary: 'Forum reporté.', phase: 'closed' });
    const tasks = await api.tasks(launched.id);
    expect(tasks.map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    const journal = await stack.dataSource
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ participationId: launched.id, action: 'participation.cancelled' });
    expect(journal).toMatchObject({ actorId: 'coord-lavoie', note: 'Forum reporté.' });

    // Once closed, the workflow takes no more requests: a clear 409, not a 500.
    const late = await api.step(launched.id, 'cancel', { reason: 'encore', actorId: 'coord-lavoie' }).expect(409);
    expect(late.body.error).toBe('closed');
  });
});
