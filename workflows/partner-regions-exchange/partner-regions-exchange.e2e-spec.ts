import { AuditEntryEntity } from '../../libs/persistence/src';
import { recordAllRuns, recordHistory } from '../../test/helpers/histories';
import { launchBodies } from '../../test/helpers/kind-fixtures';
import { inSeconds } from '../../test/helpers/process-api';
import { eventually } from '../../test/helpers/test-stack';
import { onProcessStack } from '../../test/helpers/process-stack';

type Row = { id: string; businessKey: string; workflowId: string };

describe('Partner Regions exchanges: a call, proposals by outside partners, screening, selection, funding, reports', () => {
  const on = onProcessStack({ TASK_DUE_AFTER: '5 minutes', EXCHANGE_PROJECT_YEAR: '2s', CYCLES_PER_RUN: '1' });

  const journal = (participationId: string, action: string) =>
    on.stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });
  const propose = (callId: string, partnerId: string, body: Record<string, string>) =>
    on.stack.http(partnerId).post(`/participations/${callId}/proposals`).send(body);
  const listAs = async (who: string, kind = 'partner-regions-exchange'): Promise<Row[]> =>
    (await on.stack.http(who).get('/participations').query({ kind, pageSize: 100 }).expect(200)).body.items;
  /** The project a proposal became: a participation of its own, `<call key>/<code>`. */
  const projectOf = (callKey: string, code: string) =>
    eventually(async () => (await listAs('coord-lavoie')).find((row) => row.businessKey === `${callKey}/${code}`), {
      what: `project ${code}`,
    });
  const complete = async (id: string, kind: string, fields?: Record<string, string>) => {
    const [task] = await on.steps.openTasks(id, kind);
    await on.steps.complete(task.id, task.assigneeId, fields).expect(200);
    return task;
  };

  it('takes proposals from partners while open, and each partner reads only their organization’s', async () => {
    const body = launchBodies.exchange({ projectYears: 2 });
    const call = await on.api.launch(body);
    await on.api.waitForPhase(call.id, 'call-open');

    // A partner submits for their own organization; the call refuses a theme it does not take and a code already used.
    const water = { code: 'water-quality', title: 'Qualité de l’eau', theme: 'environmental', summary: 'Chercheurs en échange.' };
    await propose(call.id, 'partner-weber', water).expect(201);
    const duplicate = await propose(call.id, 'partner-weber', water).expect(422);
    expect(duplicate.body.message).toContain('water-quality');
    await propose(call.id, 'partner-weber', { ...water, code: 'Not A Code' }).expect(400);
    await propose(call.id, 'partner-weber', { ...water, code: 'robots', theme: 'technological' }).expect(422);
    await propose(call.id, 'expert-caron', { ...water, code: 'other' }).expect(403);
    // Another organization's proposal comes through the secretariat's portal, as an outside event.
    await on.steps
      .event({
        id: `portal-${body.businessKey}`,
        type: 'exchange.proposal.received',
        data: {
          businessKey: body.businessKey,
          code: 'vineyards',
          title: 'Vignobles et climat',
          theme: 'scientific',
          summary: 'Stages croisés.',
          partnerId: 'partner-nkosi',
          organization: 'University of the Western Cape',
        },
      })
      .expect(201);
    const mine = await projectOf(body.businessKey, 'water-quality');
    const theirs = await projectOf(body.businessKey, 'vineyards');

    // Each partner lists the open call and their own organization's project only; a colleague sees the same; the other is 404.
    const keys = async (who: string) => (await listAs(who)).map((row) => row.businessKey).filter((key) => key.startsWith(body.businessKey));
    expect((await keys('partner-weber')).sort()).toEqual([body.businessKey, mine.businessKey]);
    expect((await keys('partner-huber')).sort()).toEqual([body.businessKey, mine.businessKey]);
    expect((await keys('partner-nkosi')).sort()).toEqual([body.businessKey, theirs.businessKey]);
    expect(await listAs('partner-weber', 'wto-round')).toEqual([]);
    await on.stack.http('partner-weber').get(`/participations/${theirs.id}`).expect(404);
    await on.stack.http('partner-weber').get(`/participations/${theirs.id}/tasks`).expect(404);
    const read = (await on.stack.http('partner-weber').get(`/participations/${mine.id}`).expect(200)).body;
    expect(read.details).toMatchObject({ partnerOrganization: 'Technische Universität München', code: 'water-quality' });
    // The screening is the ministry's: not among the tasks a partner reads.
    await on.steps.openTasks(mine.id, 'eligibility-screening');
    expect(read.live.tasks).toEqual([]);
    expect((await on.stack.http('partner-weber').get(`/participations/${mine.id}/tasks`).expect(200)).body).toEqual([]);
    // Nothing else is open to partners.
    for (const path of ['/dashboard', '/people', '/groups', '/audit', `/participations/${mine.id}/timeline`]) {
      await on.stack.http('partner-weber').get(path).expect(403);
    }

    // The closing, a minute ahead, is brought forward; afterwards the call refuses proposals.
    await on.steps.post(call.id, 'sessions/closing/reschedule', { date: inSeconds(1), actorId: 'coord-lavoie' }).expect(202);
    await on.api.waitForPhase(call.id, 'projects');
    await propose(call.id, 'partner-weber', { ...water, code: 'late' }).expect(409);

    // The other organization's proposal is not eligible.
    await complete(theirs.id, 'eligibility-screening', { eligible: 'no' });
    expect(await on.steps.closed(theirs.id)).toMatchObject({ outcome: 'withdrawn' });

    // Ours: eligible, sent back once by the committee, revised by the partner, selected, funded.
    await complete(mine.id, 'eligibility-screening', { eligible: 'yes' });
    await on.api.waitForPhase(mine.id, 'selection');
    await on.steps
      .post(mine.id, 'approval-decision', { decision: 'revise', comments: 'Préciser le budget.', actorId: 'dm-international' })
      .expect(200);
    const revision = await complete(mine.id, 'proposal-revision');
    expect(revision.assigneeId).toBe('partner-weber');
    await on.api.waitForPhase(mine.id, 'selection');
    await on.steps.post(mine.id, 'approval-decision', { decision: 'approve', actorId: 'dm-international' }).expect(200);
    await complete(mine.id, 'funding-agreement', { agreementReference: 'CF-2027-04' });

    // A progress report each project year, from the partner (or a colleague), then the final report.
    const [first] = await on.steps.openTasks(mine.id, 'progress-report');
    expect(
      (await on.stack.http('partner-huber').get(`/participations/${mine.id}/tasks`).expect(200)).body.map((t: { id: string }) => t.id),
    ).toContain(first.id);
    await on.steps.complete(first.id, 'partner-nkosi').expect(404);
    await on.steps.complete(first.id, 'partner-weber').expect(200);
    await complete(mine.id, 'progress-report');
    await complete(mine.id, 'final-report');
    expect(await on.steps.closed(mine.id)).toMatchObject({ outcome: 'concluded', phase: 'closed' });

    const ended = await on.steps.closed(call.id);
    expect(ended).toMatchObject({ outcome: 'concluded', closingSummary: expect.stringContaining('2 proposition(s)') });
    expect(await journal(call.id, 'proposal.received')).toHaveLength(2);
    expect(await journal(call.id, 'session.rescheduled')).toHaveLength(1);
    await recordHistory(on.stack.client, call.workflowId, 'partner-regions-exchange', 'call-concluded');
    await recordAllRuns(on.stack.client, mine.workflowId, 'partner-regions-exchange', 'project-completed');
  });
});
