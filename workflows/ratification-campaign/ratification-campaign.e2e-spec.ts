import { SA_PHASE } from '../../libs/contracts/src';
import { campaignProgressQuery } from './ratification-campaign.contract';
import { ParticipationEntity } from '../../libs/persistence/src';
import { recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

describe('ratification campaign: one child per country, ratifications by event, ends at its target', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', FOLLOW_UP_INTERVAL: '1s' });

  /** The country's own participation (a child workflow), found by its workflow id. */
  const country = (campaignWorkflowId: string, code: string) =>
    eventually(
      async () =>
        (await on.stack.dataSource.getRepository(ParticipationEntity).findOneBy({ workflowId: `${campaignWorkflowId}/${code}` })) ??
        undefined,
    );

  it('refuses a target count above the number of countries and an end date in the past', async () => {
    const res = await on.stack
      .http()
      .post('/participations')
      .send(launchBodies.ratification({ targetCount: 4, endsAt: '2020-01-01T00:00:00Z' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string; constraint: string }) => `${e.field}:${e.constraint}`).sort()).toEqual([
      'endsAt:isFutureDate',
      'targetCount:atMostTargets',
    ]);
  });

  it('counts ratifications received as events and ends when the target is reached', async () => {
    const body = launchBodies.ratification();
    const launched = await on.api.launch(body);
    const campaign = on.stack.client.workflow.getHandle(launched.workflowId);
    const br = await country(launched.workflowId, 'br');
    const sn = await country(launched.workflowId, 'sn');
    const vn = await country(launched.workflowId, 'vn');
    expect(br).toMatchObject({
      kind: 'ratification-campaign',
      businessKey: `${body.businessKey}/br`,
      details: expect.objectContaining({ country: 'br' }),
    });

    // Brazil: outreach, then a follow-up reporting the ratification in process.
    const [outreach] = await on.steps.openTasks(br.id, 'outreach');
    expect(outreach.assigneeId).toBe('liaison-roy');
    await on.steps.complete(outreach.id, 'liaison-roy').expect(200);
    const [followUp] = await on.steps.openTasks(br.id, 'follow-up');
    await on.steps.complete(followUp.id, 'liaison-roy', { status: 'in-process' }).expect(200);
    await on.api.waitForPhase(br.id, 'in-process');
    const midway = await eventually(async () => {
      const progress = await campaign.query(campaignProgressQuery);
      return progress.countries.br === 'in-process' ? progress : undefined;
    });
    expect(midway).toMatchObject({ ratified: 0, target: 2, countries: { br: 'in-process', sn: 'not-contacted', vn: 'not-contacted' } });

    // Brazil deposits its instrument: the event reaches its country workflow.
    const ratifiedBr = await on.steps
      .event({ id: `ratif-br-${body.businessKey}`, type: 'convention.ratified', data: { country: 'br' } })
      .expect(201);
    expect(ratifiedBr.body.routedTo).toEqual([{ workflowId: `${launched.workflowId}/br`, via: 'signal' }]);
    expect(await on.steps.closed(br.id)).toMatchObject({ status: 'completed', phase: 'ratified', outcome: 'concluded' });
    expect((await on.stack.client.workflow.getHandle(`${launched.workflowId}/br`).describe()).typedSearchAttributes.get(SA_PHASE)).toBe(
      'ratified',
    );
    await eventually(async () => ((await campaign.query(campaignProgressQuery)).ratified === 1 ? true : undefined));

    // Senegal ratifies before anyone contacted it; the same event sent twice counts once.
    const event = {
      id: `ratif-sn-${body.businessKey}`,
      type: 'convention.ratified',
      data: { country: 'sn', campaignKey: body.businessKey },
    };
    const first = await on.steps.event(event).expect(201);
    const again = await on.steps.event(event).expect(200);
    expect(again.body).toMatchObject({ duplicate: true, routedTo: first.body.routedTo });

    // Target reached: the campaign ends, and ends Viet Nam's outreach with its reason.
    const closed = await on.steps.closed(launched.id);
    expect(closed).toMatchObject({
      status: 'completed',
      outcome: 'concluded',
      closingSummary: 'Objectif atteint : 2 ratification(s) sur 2.',
    });
    expect(await on.steps.closed(sn.id)).toMatchObject({ phase: 'ratified' });
    expect(await on.steps.closed(vn.id)).toMatchObject({
      status: 'cancelled',
      closingSummary: 'Objectif atteint : 2 ratification(s) sur 2.',
    });
    expect((await on.api.tasks(vn.id)).map((t) => t.status)).toEqual(['cancelled']);
    expect((await on.api.tasks(sn.id)).map((t) => t.status)).toEqual(['cancelled']);
    const final = await campaign.query(campaignProgressQuery);
    expect(final).toMatchObject({ ratified: 2, target: 2, countries: { br: 'ratified', sn: 'ratified' } });

    // Supervisors count the ratified countries of a campaign with the Phase search attribute.
    const ratifiedCount = await eventually(async () => {
      const { count } = await on.stack.client.workflow.count(`ParentWorkflowId = '${launched.workflowId}' AND Phase = 'ratified'`);
      return count === 2 ? count : undefined;
    });
    expect(ratifiedCount).toBe(2);

    // Closed countries no longer take events.
    await on.steps
      .event({
        id: `ratif-br-late-${body.businessKey}`,
        type: 'convention.ratified',
        data: { country: 'br', campaignKey: body.businessKey },
      })
      .expect(404);
    await recordHistory(on.stack.client, launched.workflowId, 'ratification-campaign', 'target-reached');
    await recordHistory(on.stack.client, `${launched.workflowId}/br`, 'ratification-campaign', 'country-ratified');
  });

  it('cancels every country with the campaign’s reason', async () => {
    const launched = await on.api.launch(launchBodies.ratification());
    const br = await country(launched.workflowId, 'br');
    await on.steps.openTasks(br.id, 'outreach');
    await on.api.step(launched.id, 'cancel', { reason: 'Plan d’action révisé.', actorId: 'coord-lavoie' }).expect(200);
    expect(await on.steps.closed(launched.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Plan d’action révisé.' });
    for (const code of ['br', 'sn', 'vn']) {
      const child = await country(launched.workflowId, code);
      expect(await on.steps.closed(child.id)).toMatchObject({ status: 'cancelled', closingSummary: 'Plan d’action révisé.' });
    }
  });
});
