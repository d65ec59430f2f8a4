import { SA_OVERDUE_TASKS, SA_PHASE } from '../../libs/contracts/src';
import { AuditEntryEntity, NotificationEntity } from '../../libs/persistence/src';
import { recordHistory } from '../helpers/histories';
import { launchBodies } from '../helpers/kind-fixtures';
import { participationApi } from '../helpers/participation-api';
import { inSeconds, processApi } from '../helpers/process-api';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

type Task = Record<string, any>;

/** Verbs shared by both stacks of this file: tasks of a kind, as the API lists them, and the journal. */
function verbs(stack: TestStack) {
  const api = participationApi(stack);
  const steps = processApi(stack);
  const tasksOf = async (id: string, kind: string, status?: string): Promise<Task[]> =>
    (await api.tasks(id)).filter((t) => t.kind === kind && (!status || t.status === status));
  const journal = (participationId: string, action: string) =>
    stack.dataSource.getRepository(AuditEntryEntity).find({ where: { participationId, action }, order: { id: 'ASC' } });
  const decide = (task: Task, actorId: string, fields: Record<string, string>, summary = 'Décision.') =>
    stack.http(actorId).post(`/tasks/${task.id}/complete`).send({ deliverable: { summary, fields } });
  return { api, steps, tasksOf, journal, decide };
}

/**
 * Approvals and closings are tasks, over HTTP, Temporal and PostgreSQL: each
 * approver finds the approval in their inbox and decides from it (approve,
 * revise with a comment, reject), the first decision closes the others' tasks;
 * the coordinator closes from a closing task; the old decision endpoints still
 * decide and close the tasks they leave; a WTO session's lead confirms
 * attendance before the debrief.
 */
describe('approvals and closings as tasks', () => {
  let stack: TestStack;
  let v: ReturnType<typeof verbs>;

  beforeAll(async () => {
    stack = await startTestStack({ FEDERAL_RESPONSE_TIMEOUT: '5 minutes', TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '1 minute' });
    v = verbs(stack);
  });
  afterAll(() => stack?.close());

  /** A WTO round granted its seat, with its positions delivered: it waits at its mandate approval. */
  async function toMandateApproval(body: ReturnType<typeof wtoLaunchBody>) {
    const launched = await v.api.launch(body);
    await v.api.waitForPhase(launched.id, 'federal-coordination');
    await v.api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    await deliverPositions(launched.id, body.issueAreas.length);
    await v.api.waitForPhase(launched.id, 'mandate-approval');
    return launched;
  }
  async function deliverPositions(id: string, count: number) {
    for (const task of await v.steps.openTasks(id, 'position', count)) {
      await v.steps.complete(task.id, task.assigneeId ?? 'expert-nguyen', undefined, 'Position rédigée.').expect(200);
    }
  }

  it('carries a WTO round through its approvers’ and coordinator’s inboxes: revise, approve, attendance, debrief, close', async () => {
    const body = wtoLaunchBody({
      mandateApproverIds: ['dm-international', 'dm-commerce'],
      issueAreas: [
        { area: 'agriculture', expertId: 'expert-tremblay' },
        { area: 'services', candidateGroup: 'wto-experts' },
      ],
      sessions: [{ date: inSeconds(2), leadExpertId: 'expert-tremblay' }],
    });
    const launched = await toMandateApproval(body);

    // Each approver finds the approval in their own inbox, due like any task, its decision a choice.
    const approvals = await v.steps.openTasks(launched.id, 'approval', 2);
    expect(approvals.map((t) => t.assigneeId).sort()).toEqual(['dm-commerce', 'dm-international']);
    for (const task of approvals) {
      expect(task.title).toBe(`Approbation du mandat : ${body.title} (révision 1)`);
      expect(task.requiredFields).toEqual({ decision: { type: 'choice', values: ['approve', 'revise', 'reject'] } });
      expect(Date.parse(task.dueAt) - Date.parse(task.createdAt)).toBe(5 * 60_000);
    }
    const mine = approvals.find((t) => t.assigneeId === 'dm-international')!;
    const theirs = approvals.find((t) => t.assigneeId === 'dm-commerce')!;
    const inbox = (await stack.http('dm-international').get('/tasks?status=open').expect(200)).body.items as Task[];
    expect(inbox.map((t) => t.id)).toContain(mine.id);
    expect(inbox.map((t) => t.id)).not.toContain(theirs.id);

    // A revision needs a comment; nobody decides from another approver's task.
    const refused = await v.decide(mine, 'dm-international', { decision: 'revise' }).expect(422);
    expect(refused.body.message).toContain('commentaires');
    await v.decide(mine, 'dm-international', { decision: 'peut-être', comments: 'Non.' }).expect(422);
    await v.decide(mine, 'dm-commerce', { decision: 'approve' }).expect(404);
    await v.decide(mine, 'dm-international', { decision: 'revise', comments: 'Préciser les contingents.' }).expect(200);

    // The first decision decides: the other approver's task closes, saying who decided; drafting opens again.
    const closed = await eventually(async () => (await v.tasksOf(launched.id, 'approval', 'cancelled'))[0]);
    expect(closed.id).toBe(theirs.id);
    await v.decide(theirs, 'dm-commerce', { decision: 'approve' }).expect(409);
    const [cancelledEntry] = (await v.journal(launched.id, 'task.cancelled')).filter((e) => e.target === theirs.id);
    expect(cancelledEntry).toMatchObject({ actorId: 'dm-international', note: 'Décision prise par dm-international : révision demandée.' });
    const [revise] = await v.journal(launched.id, 'approval.revise');
    expect(revise).toMatchObject({ actorId: 'dm-international', note: 'Préciser les contingents.' });
    await v.api.waitForPhase(launched.id, 'position-drafting');
    await deliverPositions(launched.id, 2);

    // Revision 2: new tasks for both; this time the other approver approves first.
    const second = await v.steps.openTasks(launched.id, 'approval', 2);
    expect(second.every((t) => t.title.includes('(révision 2)'))).toBe(true);
    await v
      .decide(
        second.find((t) => t.assigneeId === 'dm-commerce')!,
        'dm-commerce',
        { decision: 'approve' },
      )
      .expect(200);
    const [approve] = await eventually(async () => {
      const entries = await v.journal(launched.id, 'approval.approve');
      return entries.length ? entries : undefined;
    });
    expect(approve.actorId).toBe('dm-commerce');

    // The session's lead confirms attendance (a required yes/no) before the debrief.
    const [attendance] = await v.steps.openTasks(launched.id, 'attendance');
    expect(attendance).toMatchObject({
      assigneeId: 'expert-tremblay',
      requiredFields: { attended: { type: 'choice', values: ['yes', 'no'] } },
    });
    expect((await v.tasksOf(launched.id, 'debrief')).length).toBe(0);
    const missing = await v.steps.complete(attendance.id, 'expert-tremblay').expect(422);
    expect(missing.body.message).toContain('attended');
    await v.steps.complete(attendance.id, 'expert-tremblay', { attended: 'yes' }, 'Présente.').expect(200);
    const [debrief] = await v.steps.openTasks(launched.id, 'debrief');
    await v.steps.complete(debrief.id, 'expert-tremblay', undefined, 'Compte rendu.').expect(200);

    // The coordinator closes from the closing task: its outcome is a choice, its summary the closing summary.
    const [closing] = await v.steps.openTasks(launched.id, 'closing');
    expect(closing).toMatchObject({
      assigneeId: 'coord-lavoie',
      requiredFields: { outcome: { type: 'choice', values: ['concluded', 'suspended', 'withdrawn'] } },
    });
    await v.decide(closing, 'coord-lavoie', { outcome: 'annulée' }, 'Accord conclu.').expect(422);
    await v.decide(closing, 'coord-lavoie', { outcome: 'concluded' }, 'Accord conclu.').expect(200);
    expect(await v.steps.closed(launched.id)).toMatchObject({
      status: 'completed',
      outcome: 'concluded',
      closingSummary: 'Accord conclu.',
    });

    const handle = stack.client.workflow.getHandle(launched.workflowId);
    expect(await handle.result()).toMatchObject({ outcome: 'concluded', summary: 'Accord conclu.' });
    const described = await handle.describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(described.typedSearchAttributes.get(SA_PHASE)).toBe('closed');
    const statuses = (await v.api.tasks(launched.id)).map((t) => `${t.kind}:${t.status}`).sort();
    expect(statuses).toEqual(
      [
        ...['position', 'position', 'position', 'position'].map((k) => `${k}:completed`),
        'approval:completed',
        'approval:cancelled',
        'approval:completed',
        'approval:cancelled',
        'attendance:completed',
        'debrief:completed',
        'closing:completed',
      ].sort(),
    );
    await recordHistory(stack.client, launched.workflowId, 'wto-round', 'approval-and-closing-tasks');
  });

  it('still decides and closes by the old endpoints, which close the tasks they leave', async () => {
    const body = wtoLaunchBody({ mandateApproverIds: ['dm-international', 'dm-commerce'], sessions: [] });
    const launched = await toMandateApproval(body);
    const approvals = await v.steps.openTasks(launched.id, 'approval', 2);

    // The coordinator cannot hand an approval to someone else, themselves included.
    const handOver = await stack
      .http('coord-lavoie')
      .post(`/tasks/${approvals[0].id}/reassign`)
      .send({ assigneeId: 'coord-lavoie', reason: 'Approbateur absent.' })
      .expect(403);
    expect(handOver.body.message).toContain('décision');

    await v.steps.post(launched.id, 'mandate-decision', { decision: 'approve', actorId: 'dm-commerce' }).expect(200);
    const cancelled = await eventually(async () => {
      const tasks = await v.tasksOf(launched.id, 'approval', 'cancelled');
      return tasks.length === 2 ? tasks : undefined;
    });
    expect(cancelled.map((t) => t.id).sort()).toEqual(approvals.map((t) => t.id).sort());
    const notes = (await v.journal(launched.id, 'task.cancelled')).map((e) => e.note);
    expect(notes).toEqual(['Décision prise par dm-commerce : approbation.', 'Décision prise par dm-commerce : approbation.']);
    await v.decide(approvals[0], approvals[0].assigneeId, { decision: 'reject', comments: 'Trop tard.' }).expect(409);

    const [closing] = await v.steps.openTasks(launched.id, 'closing');
    await v.steps
      .post(launched.id, 'close', { outcome: 'suspended', summary: 'Négociations suspendues.', actorId: 'coord-lavoie' })
      .expect(200);
    expect(await v.steps.closed(launched.id)).toMatchObject({ outcome: 'suspended', closingSummary: 'Négociations suspendues.' });
    const [closingTask] = (await v.api.tasks(launched.id)).filter((t) => t.id === closing.id);
    expect(closingTask.status).toBe('cancelled');
    const [entry] = (await v.journal(launched.id, 'task.cancelled')).filter((e) => e.target === closing.id);
    expect(entry).toMatchObject({ actorId: 'coord-lavoie', note: 'Participation clôturée par coord-lavoie : suspendue.' });
  });

  it('withdraws a nomination rejected from the approver’s task, with the comments as the reason', async () => {
    const launched = await v.api.launch(launchBodies.expertTaskForce());
    const [file] = await v.steps.openTasks(launched.id, 'nomination-file');
    await v.steps.complete(file.id, 'coord-lavoie').expect(200);
    const [approval] = await v.steps.openTasks(launched.id, 'approval');
    expect(approval).toMatchObject({ assigneeId: 'dm-international', title: expect.stringContaining('Approbation de la nomination') });
    await v.decide(approval, 'dm-international', { decision: 'reject' }).expect(422);
    await v.decide(approval, 'dm-international', { decision: 'reject', comments: 'Profil ne convient pas.' }).expect(200);
    expect(await v.steps.closed(launched.id)).toMatchObject({ outcome: 'withdrawn', closingSummary: 'Profil ne convient pas.' });
    const [reject] = await v.journal(launched.id, 'approval.reject');
    expect(reject).toMatchObject({ actorId: 'dm-international', note: 'Profil ne convient pas.' });
  });

  it('runs an expert task force whose nomination is approved from the approver’s task', async () => {
    const launched = await v.api.launch(launchBodies.expertTaskForce());
    const [file] = await v.steps.openTasks(launched.id, 'nomination-file');
    await v.steps.complete(file.id, 'coord-lavoie').expect(200);
    const [approval] = await v.steps.openTasks(launched.id, 'approval');
    await v.decide(approval, 'dm-international', { decision: 'approve' }).expect(200);

    const waiting = await v.api.waitForPhase(launched.id, 'federal-clearance');
    expect(waiting.phase).toBe('federal-clearance');
    const businessKey = launched.workflowId.split('/')[1];
    await v.steps
      .event({
        id: `fed-${launched.id}`,
        type: 'federal.response.received',
        data: { kind: 'expert-task-force', businessKey, decision: 'granted' },
      })
      .expect(201);
    const [attendance] = await v.steps.openTasks(launched.id, 'attendance');
    await v.steps.complete(attendance.id, 'expert-pelletier', { attended: 'yes' }).expect(200);
    const [report] = await v.steps.openTasks(launched.id, 'report');
    await v.steps.complete(report.id, 'expert-pelletier').expect(200);
    expect(await v.steps.closed(launched.id)).toMatchObject({ outcome: 'concluded' });
    await recordHistory(stack.client, launched.workflowId, 'expert-task-force', 'approved-from-task');
  });
});

/**
 * An approval is reminded, escalated and notified like any task: here due in
 * seconds, with e-mail on (the rows of the outbox are the proof: another
 * file's notifier may be the one that sends them).
 */
describe('an approval task that is not decided in time', () => {
  let stack: TestStack;
  let smtp: SmtpSink;
  let v: ReturnType<typeof verbs>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startTestStack({
      SMTP_URL: smtp.url,
      NOTIFY_POLL_INTERVAL: '200',
      FEDERAL_RESPONSE_TIMEOUT: '5 minutes',
      TASK_DUE_AFTER: '4s',
      TASK_REMINDER_BEFORE: '2s',
    });
    v = verbs(stack);
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('reminds the approver, marks it overdue, tells the coordinator, and still takes the late decision', async () => {
    const launched = await v.api.launch(launchBodies.expertTaskForce());
    const [file] = await v.steps.openTasks(launched.id, 'nomination-file');
    await v.steps.complete(file.id, 'coord-lavoie').expect(200);
    const [approval] = await v.steps.openTasks(launched.id, 'approval');

    const overdue = await eventually(
      async () => {
        const [task] = (await v.api.tasks(launched.id)).filter((t) => t.id === approval.id);
        return task?.overdue ? task : undefined;
      },
      { what: 'the approval task to be overdue' },
    );
    expect(overdue.status).toBe('open');
    const actions = (await stack.dataSource.getRepository(AuditEntryEntity).findBy({ target: approval.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['task.opened', 'task.reminder', 'task.overdue']));
    const handle = stack.client.workflow.getHandle(launched.workflowId);
    await eventually(async () => ((await handle.describe()).typedSearchAttributes.get(SA_OVERDUE_TASKS) === 1 ? true : undefined), {
      what: 'OverdueTasks = 1',
    });

    // Notified as any task: the approver at its opening, reminder and delay; the coordinator at the delay.
    const notified = await eventually(
      async () => {
        const rows = await stack.dataSource
          .getRepository(NotificationEntity)
          .createQueryBuilder('n')
          .where("n.payload->>'taskId' = :taskId", { taskId: approval.id })
          .getMany();
        return rows.length >= 4 ? rows : undefined;
      },
      { what: 'the approval task’s notifications' },
    );
    expect(notified.map((n) => `${n.action} ${n.recipientId}`).sort()).toEqual(
      [
        'task.opened dm-international',
        'task.reminder dm-international',
        'task.overdue dm-international',
        'task.overdue coord-lavoie',
      ].sort(),
    );
    expect(notified.find((n) => n.action === 'task.overdue' && n.recipientId === 'coord-lavoie')?.subject).toBe(
      `Tâche en retard : « ${approval.title} » (Jean Bouchard)`,
    );

    await v.decide(approval, 'dm-international', { decision: 'approve' }).expect(200);
    await v.api.waitForPhase(launched.id, 'federal-clearance');
    await eventually(async () => ((await handle.describe()).typedSearchAttributes.get(SA_OVERDUE_TASKS) === 0 ? true : undefined), {
      what: 'OverdueTasks = 0',
    });
    await v.api.step(launched.id, 'cancel', { reason: 'Fin du test.', actorId: 'coord-lavoie' }).expect(200);
  });
});
