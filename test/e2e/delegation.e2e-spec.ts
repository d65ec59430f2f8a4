import { randomUUID } from 'node:crypto';
import { AuditEntryEntity, NotificationEntity } from '../../libs/persistence/src';
import { recordHistory } from '../helpers/histories';
import { participationApi } from '../helpers/participation-api';
import { startSmtpSink } from '../helpers/smtp-sink';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** Absences and delegates: tasks follow the delegate while someone is away; a coordinator moves someone's tasks in one call. */
describe('delegation: absences, delegates and bulk reassignment', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let api: ReturnType<typeof participationApi>;
  // People of this file's own, so that their absences route no other file's tasks.
  const suffix = randomUUID().slice(0, 8);
  const away = `expert-away-${suffix}`;
  const delegate = `expert-delegate-${suffix}`;
  const leaving = `expert-leaving-${suffix}`;
  const successor = `expert-successor-${suffix}`;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startTestStack({
      SMTP_URL: smtp.url,
      NOTIFY_POLL_INTERVAL: '200',
      FEDERAL_RESPONSE_TIMEOUT: '5 minutes',
      TASK_DUE_AFTER: '5 minutes',
      TASK_REMINDER_BEFORE: '0',
    });
    api = participationApi(stack);
    await stack.addPeople([away, delegate, leaving, successor]);
    await stack.http('admin').patch(`/people/${away}`).send({ displayName: 'Alice Absente' }).expect(200);
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  async function roundInDrafting(issueAreas: object[]) {
    const launched = await api.launch(wtoLaunchBody({ issueAreas, sessions: [] }));
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await api.waitForPhase(launched.id, 'position-drafting');
    return launched;
  }

  it('records my absence and delegate, checking the dates and the delegate, and journals it', async () => {
    expect((await stack.http(away).get('/me/absence').expect(200)).body).toEqual({ personId: away, absence: null });
    const self = await stack
      .http(away)
      .put('/me/absence')
      .send({ from: inHours(-1), to: inHours(2), delegateId: away })
      .expect(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'delegateId', constraint: 'notSamePerson' })]);
    const ghost = await stack
      .http(away)
      .put('/me/absence')
      .send({ from: inHours(-1), to: inHours(2), delegateId: 'ghost' })
      .expect(400);
    expect(ghost.body.errors).toEqual([expect.objectContaining({ field: 'delegateId', constraint: 'isActivePerson' })]);
    const backwards = await stack
      .http(away)
      .put('/me/absence')
      .send({ from: inHours(3), to: inHours(2), delegateId: delegate })
      .expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to', constraint: 'isAfterStart' })]);

    const recorded = await stack
      .http(away)
      .put('/me/absence')
      .send({ from: inHours(-1), to: inHours(2), delegateId: delegate, note: 'Congé.' })
      .expect(200);
    expect(recorded.body).toMatchObject({
      personId: away,
      absence: { delegateId: delegate, note: 'Congé.', recordedBy: away, current: true },
    });
    // Admins see and set anyone's; others may not.
    expect((await stack.http('admin').get(`/people/${away}/absence`).expect(200)).body.absence.delegateId).toBe(delegate);
    await stack.http('coord-lavoie').get(`/people/${away}/absence`).expect(403);
    const journal = (
      await stack
        .http('admin')
        .get('/directory/changes')
        .query({ target: `person:${away}` })
        .expect(200)
    ).body;
    expect(journal.items[0]).toMatchObject({ action: 'absence.recorded', actorId: away, newValue: { delegateId: delegate } });
  });

  it('gives a task opened during the absence to the delegate: in GET /tasks, the journal, the notification and the workflow', async () => {
    const launched = await roundInDrafting([{ area: 'agriculture', expertId: away }]);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);
    expect(task).toMatchObject({ assigneeId: delegate, delegatedFrom: away });
    // Its history holds openTask's answer (where the task landed), for the replay test: RECORD_HISTORIES=1.
    await recordHistory(stack.client, launched.workflowId, 'wto-round', 'delegated-task');

    const mine = (await stack.http(delegate).get('/tasks').query({ participationId: launched.id }).expect(200)).body;
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    expect((await stack.http(away).get('/tasks').query({ participationId: launched.id }).expect(200)).body.total).toBe(0);

    const journal = await stack.dataSource.getRepository(AuditEntryEntity).findBy({ target: task.id, action: 'task.delegated' });
    expect(journal).toEqual([
      expect.objectContaining({
        actorId: 'workflow',
        oldValue: { assigneeId: away },
        newValue: expect.objectContaining({ assigneeId: delegate, delegatedFrom: away }),
      }),
    ]);
    const timeline = (await stack.http().get(`/participations/${launched.id}/timeline`).expect(200)).body;
    expect(timeline.entries.map((e: { text: string }) => e.text)).toContain(
      `Tâche confiée à ${delegate} pendant l’absence de ${away} : ${task.title}`,
    );

    const [notice] = await eventually(async () => {
      const rows = await stack.dataSource.getRepository(NotificationEntity).findBy({ recipientId: delegate, action: 'task.opened' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(notice.subject).toBe(`Nouvelle tâche pendant l’absence de Alice Absente : « ${task.title} »`);
    expect(notice.body).toContain('Une tâche destinée à Alice Absente vous est assignée pendant son absence');
    await eventually(async () => (smtp.to(`${delegate}@example.org`).length > 0 ? true : undefined), {
      what: 'the e-mail to the delegate',
    });

    // The workflow holds the delegate as the assignee: the delegate delivers, the absent person cannot.
    await api.completeTask(task.id, away).expect(404);
    await api.completeTask(task.id, delegate).expect(200);
  });

  it('stops delegating when the absence ends', async () => {
    await stack.http(away).delete('/me/absence').expect(200);
    expect((await stack.http(away).get('/me/absence').expect(200)).body.absence).toBeNull();
    const launched = await roundInDrafting([{ area: 'services', expertId: away }]);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);
    expect(task).toMatchObject({ assigneeId: away, delegatedFrom: null });
  });

  it('moves all open tasks of one person to another through the workflows, and refuses a closed one with its reason', async () => {
    const launched = await roundInDrafting(['agriculture', 'services', 'fisheries'].map((area) => ({ area, expertId: leaving })));
    const tasks = await api.waitForOpenTasks(launched.id, 'position', 3);
    const [done, ...open] = tasks;
    await api.completeTask(done.id, leaving).expect(200);
    await eventually(async () => ((await stack.http().get(`/tasks/${done.id}`)).body.status === 'completed' ? true : undefined));

    const body = {
      fromAssigneeId: leaving,
      toAssigneeId: successor,
      reason: 'Départ de l’expert.',
      participationId: launched.id,
      status: ['open', 'completed'],
    };
    // Only the participation's coordinator (or an admin) moves its tasks; an expert has no say.
    await stack.http('expert-roy').post('/tasks/reassign').send(body).expect(403);
    const other = await stack.http('dm-international').post('/tasks/reassign').send(body).expect(403);
    expect(other.body.error).toBe('not-allowed');
    const same = await stack
      .http()
      .post('/tasks/reassign')
      .send({ ...body, toAssigneeId: leaving })
      .expect(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'toAssigneeId', constraint: 'notSamePerson' })]);
    const ghost = await stack
      .http()
      .post('/tasks/reassign')
      .send({ ...body, toAssigneeId: 'ghost' })
      .expect(400);
    expect(ghost.body.errors).toEqual([expect.objectContaining({ field: 'toAssigneeId', constraint: 'isActivePerson' })]);

    const res = await stack.http().post('/tasks/reassign').set('X-Request-Id', `bulk-${suffix}`).send(body).expect(200);
    expect(res.body.moved.map((m: { taskId: string }) => m.taskId).sort()).toEqual(open.map((t) => t.id).sort());
    expect(res.body.moved.every((m: { assigneeId: string; status: string }) => m.assigneeId === successor && m.status === 'open')).toBe(
      true,
    );
    expect(res.body.refused).toEqual([
      {
        taskId: done.id,
        participationId: launched.id,
        title: done.title,
        status: 'completed',
        error: 'wrong-state',
        reason: `Demande refusée dans l’état actuel : la tâche « ${done.id} » est déjà completed`,
      },
    ]);
    expect(res.body.more).toBe(false);

    // Each move went through the workflow: journaled with the request, notified to the new assignee, in their inbox.
    const inbox = (await stack.http(successor).get('/tasks').query({ participationId: launched.id }).expect(200)).body;
    expect(inbox.items.map((t: { id: string }) => t.id).sort()).toEqual(open.map((t) => t.id).sort());
    const moves = await eventually(async () => {
      const rows = await stack.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ participationId: launched.id, action: 'task.reassigned' });
      return rows.length === 2 ? rows : undefined;
    });
    expect(moves.every((m) => m.requestId === `bulk-${suffix}` && m.actorId === 'coord-lavoie' && m.note === body.reason)).toBe(true);
    await eventually(async () => {
      const rows = await stack.dataSource.getRepository(NotificationEntity).findBy({ recipientId: successor, action: 'task.reassigned' });
      return rows.length === 2 ? rows : undefined;
    });
    // Nothing left to move: a second call moves nothing.
    const again = await stack
      .http()
      .post('/tasks/reassign')
      .send({ ...body, status: undefined })
      .expect(200);
    expect(again.body).toEqual({ moved: [], refused: [], more: false });
  });
});
