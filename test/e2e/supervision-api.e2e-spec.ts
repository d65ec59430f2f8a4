import { randomUUID } from 'node:crypto';
import { getOverviewQuery } from '../../libs/contracts/src';
import { ParticipationEntity } from '../../libs/persistence/src';
import { participationApi } from '../helpers/participation-api';
import { samplesOf } from '../helpers/prometheus';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/**
 * The supervisors' API views over real participations in a forum of their own
 * (other test files run beside this one on the same database):
 * - waiting: still in federal coordination;
 * - late: positions being drafted, both tasks overdue after TASK_DUE_AFTER;
 * - ready: positions delivered, waiting for the mandate decision: its approval
 *   task, in the approver's inbox, overdue after TASK_DUE_AFTER as well.
 * Tests run in order: the timeline test cancels `waiting` after the list tests saw it open.
 */
describe('supervision through the API: list filters, timeline, dashboard, metrics', () => {
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  const forum = `sup-${randomUUID().slice(0, 8)}`;
  const coordinatorId = `coord-${randomUUID().slice(0, 8)}`;
  const startedAt = new Date().toISOString();
  let waiting: { id: string; workflowId: string };
  let late: { id: string; workflowId: string };
  let ready: { id: string; workflowId: string };

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '10 minutes', TASK_DUE_AFTER: '3s', TASK_REMINDER_BEFORE: '0' });
    api = participationApi(stack);
    // A coordinator of its own (a role in the token) so its counts are not mixed with other files'.
    await stack.addPeople([coordinatorId], ['coordinator']);
    await stack.addForums([forum]);
    const body = () => wtoLaunchBody({ forum, coordinatorId });
    [waiting, late, ready] = [await api.launch(body()), await api.launch(body()), await api.launch(body())];
    for (const p of [late, ready]) {
      await api.waitForPhase(p.id, 'federal-coordination');
      await api.step(p.id, 'federal-response', { decision: 'granted', actorId: coordinatorId }).expect(200);
    }
    for (const task of await api.waitForOpenTasks(ready.id, 'position', 2)) {
      await api.completeTask(task.id, task.assigneeId).expect(200);
    }
    await api.waitForPhase(ready.id, 'mandate-approval');
    await eventually(async () => ((await api.tasks(late.id)).filter((t) => t.overdue).length === 2 ? true : undefined), {
      what: 'both positions of the late participation to be overdue',
    });
    await eventually(async () => ((await api.tasks(ready.id)).some((t) => t.kind === 'approval' && t.overdue) ? true : undefined), {
      what: 'the approval task of the ready participation to be overdue',
    });
  }, 90_000);
  afterAll(() => stack.close());

  const list = (query: Record<string, string | number | boolean>) =>
    stack
      .http()
      .get('/participations')
      .query({ forum, ...query });
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((p) => p.id).sort();

  describe('GET /participations', () => {
    it('filters on overdue tasks and tells each participation’s task counts', async () => {
      const overdue = (await list({ overdue: true }).expect(200)).body;
      expect(ids(overdue)).toEqual([late.id, ready.id].sort());
      const item = (id: string) => overdue.items.find((p: { id: string }) => p.id === id);
      expect(item(late.id)).toMatchObject({ openTasks: 2, overdueTasks: 2, phase: 'position-drafting' });
      expect(item(ready.id)).toMatchObject({ openTasks: 1, overdueTasks: 1, phase: 'mandate-approval' });
      expect(Date.parse(item(late.id).nextDueAt)).toBeLessThan(Date.now());
      expect(overdue.counts).toEqual({ openTasks: 3, overdueTasks: 3 });

      const onTime = (await list({ overdue: false }).expect(200)).body;
      expect(ids(onTime)).toEqual([waiting.id]);
      expect(onTime.counts).toEqual({ openTasks: 0, overdueTasks: 0 });

      const all = (await list({ coordinatorId, kind: 'wto-round' }).expect(200)).body;
      expect(all).toMatchObject({ total: 3, counts: { openTasks: 3, overdueTasks: 3 } });
      expect(all.items.every((p: { phaseEnteredAt: string }) => Date.parse(p.phaseEnteredAt) >= Date.parse(startedAt))).toBe(true);
      expect(ids((await list({ phase: 'mandate-approval' }).expect(200)).body)).toEqual([ready.id]);
    });

    it('filters on launch, due and closing dates', async () => {
      const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
      expect((await list({ launchedFrom: startedAt }).expect(200)).body.total).toBe(3);
      expect((await list({ launchedFrom: inAnHour }).expect(200)).body.total).toBe(0);
      expect((await list({ launchedTo: startedAt }).expect(200)).body.total).toBe(0);
      // Only the late and the ready ones have open tasks (positions, an approval), due in the past.
      expect(ids((await list({ dueTo: inAnHour }).expect(200)).body)).toEqual([late.id, ready.id].sort());
      expect((await list({ dueFrom: inAnHour }).expect(200)).body.total).toBe(0);
      expect((await list({ closedFrom: startedAt }).expect(200)).body.total).toBe(0);
    });

    it('refuses filters it cannot read, naming each one', async () => {
      const bad = await stack.http().get('/participations').query({ overdue: 'maybe', launchedFrom: 'yesterday', dueTo: '2027-13-01' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueTo', 'launchedFrom', 'overdue']);
    });
  });

  describe('GET /participations/:id/timeline', () => {
    it('tells, in order and in words, the phases, tasks, timers and who acted', async () => {
      const { body } = await stack.http().get(`/participations/${late.id}/timeline`).expect(200);
      expect(body).toMatchObject({ participationId: late.id, workflowId: late.workflowId, historyAvailable: true, notice: null });
      const entries: Array<{ at: string; source: string; type: string; text: string; actorId: string | null }> = body.entries;
      expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());

      const first = (type: string) => entries.find((e) => e.type === type);
      expect(first('participation.launched')).toMatchObject({ source: 'journal', actorId: coordinatorId, text: 'Participation lancée' });
      expect(first('workflow.started')).toMatchObject({ source: 'temporal', text: 'Workflow démarré dans Temporal' });
      expect(first('federal.response')).toMatchObject({ actorId: coordinatorId, text: 'Réponse du gouvernement fédéral : accordée' });
      expect(entries.map((e) => e.text)).toContain('Changement de phase : Coordination fédérale → Rédaction des positions');
      expect(entries.filter((e) => e.type === 'task.opened')).toHaveLength(2);
      expect(first('task.opened')?.text).toMatch(
        /^Tâche ouverte : Position sur « \w+ » \(révision 1\), pour expert-\w+, échéance \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
      );
      // Timers come from the workflow's history, with the summaries the workflow gave them.
      expect(entries.filter((e) => e.type === 'timer.started').map((e) => e.text)).toContainEqual(
        expect.stringMatching(/^Minuterie armée : Échéance : Position sur « services » \(révision 1\), le /),
      );
      expect(entries.filter((e) => e.type === 'timer.fired').map((e) => e.text)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Minuterie échue : Échéance : Position sur « agriculture »/)]),
      );
      expect(entries.filter((e) => e.type === 'task.overdue')).toHaveLength(2);
    });

    it('speaks English when asked, and shows a cancellation made straight in Temporal', async () => {
      const handle = stack.client.workflow.getHandle(waiting.workflowId);
      await handle.cancel();
      await handle.result().catch(() => undefined);
      const { body } = await stack.http().get(`/participations/${waiting.id}/timeline`).set('Accept-Language', 'en').expect(200);
      const types = body.entries.map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['workflow.cancel-requested', 'participation.cancelled', 'workflow.canceled']));
      expect(types[types.length - 1]).toBe('workflow.canceled');
      expect(body.entries.find((e: { type: string }) => e.type === 'workflow.cancel-requested').text).toBe(
        'Cancellation requested straight from Temporal',
      );
      expect(body.entries.find((e: { type: string }) => e.type === 'participation.closed').text).toBe('Participation closed: cancelled');
      expect((await list({ closedFrom: startedAt }).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([waiting.id]);
    });

    it('answers from the journal alone once the history is gone, without asking an archive the dev server does not keep', async () => {
      // As after the namespace's retention: Temporal no longer knows the participation's workflow
      // (the dev server deletes histories only long after a delete request).
      await stack.dataSource.getRepository(ParticipationEntity).update(waiting.id, { workflowId: `retention-gone/${randomUUID()}` });
      const archive = jest.spyOn(stack.client.workflowService, 'listArchivedWorkflowExecutions');
      try {
        const { body } = await stack.http().get(`/participations/${waiting.id}/timeline`).expect(200);
        expect(body.historyAvailable).toBe(false);
        expect(body.notice).toEqual(expect.any(String));
        expect(body.entries.map((e: { source: string }) => e.source)).not.toContain('temporal');
        expect(body.entries.map((e: { type: string }) => e.type)).toContain('participation.launched');
        expect(archive).not.toHaveBeenCalled();
      } finally {
        archive.mockRestore();
      }
    });

    it('answers 404 for an unknown participation and 400 for an id that is not a UUID', async () => {
      await stack.http().get(`/participations/${randomUUID()}/timeline`).expect(404);
      await stack.http().get('/participations/nope/timeline').expect(400);
    });
  });

  describe('GET /dashboard', () => {
    it('counts by kind and phase, overdue tasks by forum, and who waits longest', async () => {
      const { body } = await stack.http().get('/dashboard').query({ waiting: 5 }).expect(200);
      expect(body.overdueByForum).toContainEqual({ forum, overdueTasks: 3, openTasks: 3, participationsWithOverdue: 2 });
      expect(body.byKindAndPhase).toContainEqual(
        expect.objectContaining({
          kind: 'wto-round',
          kindLabel: 'Ronde de négociation de l’OMC',
          phase: 'mandate-approval',
          phaseLabel: 'Approbation du mandat',
        }),
      );
      expect(body.totals.overdueTasks).toBeGreaterThanOrEqual(3);
      expect(body.totals.openTasks).toBeGreaterThanOrEqual(body.totals.overdueTasks);

      // Longest in their phase first; anyone active not listed has waited less than the last one listed.
      const longest: Array<{ id: string; phaseEnteredAt: string; waitingSeconds: number }> = body.waitingLongest;
      expect(longest.length).toBeGreaterThan(0);
      expect(longest.length).toBeLessThanOrEqual(5);
      expect(longest.map((p) => p.phaseEnteredAt)).toEqual([...longest.map((p) => p.phaseEnteredAt)].sort());
      const ours = (await list({ phase: 'mandate-approval' }).expect(200)).body.items[0];
      if (!longest.some((p) => p.id === ready.id)) {
        expect(Date.parse(longest[longest.length - 1].phaseEnteredAt)).toBeLessThanOrEqual(Date.parse(ours.phaseEnteredAt));
      }
      expect(longest.every((p) => p.waitingSeconds >= 0)).toBe(true);
    });

    it('says phases in English when asked, and refuses a bad size', async () => {
      const { body } = await stack.http().get('/dashboard').set('Accept-Language', 'en').expect(200);
      expect(body.byKindAndPhase).toContainEqual(expect.objectContaining({ phase: 'mandate-approval', phaseLabel: 'Mandate approval' }));
      await stack.http().get('/dashboard').query({ waiting: 0 }).expect(400);
    });
  });

  describe('what the workflow itself says (Temporal UI texts)', () => {
    it('keeps current details and the getOverview query in step with the tasks', async () => {
      const handle = stack.client.workflow.getHandle(late.workflowId);
      const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('- **Phase** : Rédaction des positions (`position-drafting`)');
      expect(metadata.currentDetails).toContain('- **Tâches ouvertes** : 2, dont 2 en retard');
      const overview = await handle.query(getOverviewQuery);
      expect(overview).toMatchObject({ phase: 'Rédaction des positions (position-drafting)', status: 'en cours', overdueTasks: 2 });
      expect(overview.openTasks).toHaveLength(2);
      expect(overview.openTasks[0]).toMatch(/ — expert-\w+ — EN RETARD depuis \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    });
  });

  describe('GET /metrics', () => {
    it('serves Prometheus text: HTTP timings by route and the projections’ gauges', async () => {
      const res = await stack.http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('process_cpu_seconds_total');
      const one = (name: string, labels: Record<string, string>) => samplesOf(res.text, name, { service: 'participation-api', ...labels });
      expect(one('participation_tasks_overdue', { forum })).toEqual([expect.objectContaining({ value: 3 })]);
      expect(one('participation_tasks_open', { forum })).toEqual([expect.objectContaining({ value: 3 })]);
      const [readyCount] = one('participations', { kind: 'wto-round', phase: 'mandate-approval' });
      expect(readyCount.value).toBeGreaterThanOrEqual(1);
      const [timelineCalls] = one('http_request_duration_seconds_count', {
        method: 'GET',
        route: '/participations/:id/timeline',
        status: '200',
      });
      expect(timelineCalls.value).toBeGreaterThanOrEqual(1);
    });
  });
});
