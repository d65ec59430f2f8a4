import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../../libs/config/src';
import type { OpenTask, RegisterParticipation } from '../../../../libs/contracts/src';
import { AuditEntryEntity, NotificationEntity, TaskEntity, type PersonEntity } from '../../../../libs/persistence/src';
import { PublishedEventOutbox } from '../published-events/published-event-outbox';
import { ProjectionActivitiesService } from './projection.activities';
import { migratedScratchDatabase, seedPeople } from '../../../../test/helpers/notification-fixtures';
import { NotificationOutbox } from '../../../../libs/notifications/src/notification-outbox.service';

/**
 * The outbox writer inside the projection activities, on a real PostgreSQL:
 * who is notified of what, in which language, and never twice.
 */
describe('NotificationOutbox', () => {
  let db: Awaited<ReturnType<typeof migratedScratchDatabase>>;
  let activities: ProjectionActivitiesService;
  let people: Record<string, PersonEntity>;
  const config = loadConfig({
    SMTP_URL: 'smtp://127.0.0.1:2525',
    NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
    PUBLIC_BASE_URL: 'https://participations.example.org/',
    NOTIFY_TIME_ZONE: 'America/Toronto',
  });

  beforeAll(async () => {
    Logger.overrideLogger(['error']); // skipped recipients are logged as warnings, on purpose
    db = await migratedScratchDatabase();
    activities = new ProjectionActivitiesService(db.dataSource, new NotificationOutbox(config), new PublishedEventOutbox(config));
    people = await seedPeople(db.dataSource, [
      { key: 'coord', displayName: 'Hélène Lavoie', roles: ['coordinator'] },
      { key: 'tremblay', displayName: 'Marc Tremblay', groups: ['agri'] },
      { key: 'smith', displayName: 'Jane Smith', language: 'en', groups: ['agri'] },
      { key: 'gone', displayName: 'Ancien Expert', groups: ['agri'], active: false },
    ]);
  });
  afterAll(() => db?.drop());

  const at = () => new Date().toISOString();
  /** The outbox rows of one participation, optionally of one channel, by recipient then channel. */
  const outbox = (workflowId: string, channel?: string) =>
    db.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where("n.payload->>'workflowId' = :workflowId", { workflowId })
      .andWhere(channel ? 'n.channel = :channel' : 'TRUE', { channel })
      .orderBy('n.recipientId', 'ASC')
      .addOrderBy('n.channel', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();

  async function participation(coordinatorId = people.coord.id): Promise<RegisterParticipation> {
    const key = randomUUID().slice(0, 8);
    const p: RegisterParticipation = {
      participationId: randomUUID(),
      workflowId: `wto-round/notify-${key}`,
      kind: 'wto-round',
      businessKey: `notify-${key}`,
      title: 'Cycle de Doha <agriculture> & services',
      forum: 'wto',
      coordinatorId,
      locale: 'fr',
      launchedAt: at(),
      phase: 'position-drafting',
      details: {},
    };
    await activities.registerParticipation(p);
    return p;
  }

  function task(p: RegisterParticipation, assigneeId: string, step = 'a'): OpenTask {
    return {
      taskId: randomUUID(),
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: `0001:task/${step}`,
      kind: 'position',
      title: `Position « ${step} »`,
      instructions: 'I',
      assigneeId,
      candidateGroup: null,
      dueAt: '2027-03-01T14:30:00.000Z',
      priority: 'normal',
      at: at(),
    };
  }

  it('enqueues one e-mail and one webhook call for the assignee of a new task, even when the activity runs twice', async () => {
    const p = await participation();
    const open = task(p, people.tremblay.id);
    await activities.openTask(open);
    await activities.openTask(open);

    const rows = await outbox(p.workflowId);
    expect(rows.map((r) => [r.recipientId, r.channel, r.status, r.attempts])).toEqual([
      [people.tremblay.id, 'email', 'pending', 0],
      [people.tremblay.id, 'webhook', 'pending', 0],
    ]);
    const [email, webhook] = rows;
    expect(email).toMatchObject({
      action: 'task.opened',
      notificationKey: `${p.workflowId}#${open.stepKey}|${people.tremblay.id}|email`,
      address: people.tremblay.email,
      locale: 'fr',
      subject: 'Nouvelle tâche : « Position « a » »',
    });
    expect(email.body).toContain('Bonjour Marc Tremblay,');
    expect(email.body).toContain('« Cycle de Doha <agriculture> & services »');
    expect(email.body).toContain('1 mars 2027'); // 14 h 30 UTC, in Toronto's time zone
    expect(email.body).toContain('9 h 30');
    expect(email.body).toContain('https://participations.example.org/inbox');
    expect(email.html).toContain('Cycle de Doha &lt;agriculture&gt; &amp; services');
    expect(email.html).toContain('<a href="https://participations.example.org/inbox">');
    expect(webhook).toMatchObject({ address: null, html: null, subject: email.subject });
    expect(webhook.payload).toEqual({
      workflowId: p.workflowId,
      participationId: p.participationId,
      taskId: open.taskId,
      link: 'https://participations.example.org/inbox',
      recipient: { id: people.tremblay.id, displayName: 'Marc Tremblay', email: people.tremblay.email },
    });
  });

  it('writes in the recipient’s language', async () => {
    const p = await participation();
    await activities.openTask(task(p, people.smith.id));
    const [email] = await outbox(p.workflowId, 'email');
    expect(email).toMatchObject({ locale: 'en', subject: 'New task: "Position « a »"' });
    expect(email.body).toContain('Hello Jane Smith,');
    expect(email.body).toContain('March 1, 2027');
  });

  it('reminds the assignee, then tells the assignee and the coordinator that the task is overdue, once each', async () => {
    const p = await participation();
    const open = task(p, people.tremblay.id);
    await activities.openTask(open);
    const reminder = {
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: `${open.stepKey}/reminder`,
      actorId: 'workflow',
      action: 'task.reminder',
      target: open.taskId,
      note: 'Rappel',
      at: at(),
    };
    await activities.appendJournal(reminder);
    await activities.appendJournal(reminder);
    const overdue = {
      taskId: open.taskId,
      workflowId: p.workflowId,
      stepKey: `${open.stepKey}/overdue`,
      overdue: true,
      actorId: 'workflow',
      action: 'task.overdue',
      at: at(),
    };
    await activities.changeTask(overdue);
    await activities.changeTask(overdue);

    const emails = await outbox(p.workflowId, 'email');
    const byAction = (action: string) => emails.filter((e) => e.action === action);
    expect(byAction('task.reminder').map((e) => e.recipientId)).toEqual([people.tremblay.id]);
    // 14:30 UTC in Toronto; ICU versions differ on the leading zero.
    expect(byAction('task.reminder')[0].subject).toMatch(/^Rappel : « Position « a » » arrive à échéance le 1 mars 2027 à 0?9 h 30$/);
    expect(byAction('task.overdue').map((e) => [e.recipientId, e.subject])).toEqual([
      [people.coord.id, 'Tâche en retard : « Position « a » » (Marc Tremblay)'],
      [people.tremblay.id, 'Tâche en retard : « Position « a » »'],
    ]);
  });

  it('alerts the coordinator of a federal escalation', async () => {
    const p = await participation();
    await activities.appendJournal({
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: '0002:federal/escalated',
      actorId: 'workflow',
      action: 'federal.escalated',
      target: people.coord.id,
      at: at(),
    });
    const emails = await outbox(p.workflowId, 'email');
    expect(emails.map((e) => [e.recipientId, e.subject])).toEqual([
      [people.coord.id, 'Relance : aucune réponse fédérale pour « Cycle de Doha <agriculture> & services »'],
    ]);
  });

  it('tells the coordinator about a declined task, with the reason, and the new assignee about a reassignment', async () => {
    const p = await participation();
    const open = task(p, people.tremblay.id);
    await activities.openTask(open);
    await activities.changeTask({
      taskId: open.taskId,
      workflowId: p.workflowId,
      stepKey: `${open.stepKey}/declined`,
      status: 'declined',
      actorId: people.tremblay.id,
      action: 'task.declined',
      note: 'En congé jusqu’en avril.',
      at: at(),
    });
    // What the reassignment writes is the lead's design; the entry's new value names the new assignee.
    await activities.appendJournal({
      workflowId: p.workflowId,
      participationId: p.participationId,
      stepKey: `${open.stepKey}/reassigned`,
      actorId: people.coord.id,
      action: 'task.reassigned',
      target: open.taskId,
      oldValue: { assigneeId: people.tremblay.id },
      newValue: { assigneeId: people.smith.id },
      at: at(),
    });
    const emails = await outbox(p.workflowId, 'email');
    const declined = emails.filter((e) => e.action === 'task.declined');
    expect(declined.map((e) => e.recipientId)).toEqual([people.coord.id]);
    expect(declined[0].body).toContain('Marc Tremblay a décliné la tâche « Position « a » »');
    expect(declined[0].body).toContain('Motif : En congé jusqu’en avril.');
    const reassigned = emails.filter((e) => e.action === 'task.reassigned');
    expect(reassigned.map((e) => [e.recipientId, e.subject])).toEqual([[people.smith.id, 'Task reassigned: "Position « a »"']]);
  });

  it('offers a task with a candidate group and no assignee to every active member of the group', async () => {
    const p = await participation();
    const taskId = randomUUID();
    await db.dataSource.transaction(async (em) => {
      await em.insert(AuditEntryEntity, {
        entryKey: `${p.workflowId}#0003:task/group`,
        workflowId: p.workflowId,
        participationId: p.participationId,
        actorId: 'workflow',
        action: 'task.opened',
        target: taskId,
        occurredAt: new Date(),
      });
      await em.insert(TaskEntity, {
        id: taskId,
        participationId: p.participationId,
        workflowId: p.workflowId,
        stepKey: '0003:task/group',
        kind: 'position',
        title: 'Analyse',
        instructions: 'I',
        assigneeId: null,
        candidateGroup: 'agri',
        dueAt: new Date('2027-03-01T14:30:00Z'),
        priority: 'normal',
        status: 'open',
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      await new NotificationOutbox(config).enqueueFor(em, p.workflowId, '0003:task/group');
    });
    const emails = await outbox(p.workflowId, 'email');
    expect(emails.map((e) => [e.recipientId, e.subject])).toEqual(
      [
        [people.smith.id, 'Task to take on: "Analyse"'],
        [people.tremblay.id, 'Tâche à prendre en charge : « Analyse »'],
      ].sort(),
    );
    expect(emails[0].body).toContain('"agri"');
  });

  it('skips recipients without a people row and still notifies the others', async () => {
    const p = await participation('coord-unknown');
    const unknown = task(p, 'expert-unknown', 'a');
    await activities.openTask(unknown);
    const known = task(p, people.tremblay.id, 'b');
    await activities.openTask(known);
    await activities.changeTask({
      taskId: known.taskId,
      workflowId: p.workflowId,
      stepKey: `${known.stepKey}/overdue`,
      overdue: true,
      actorId: 'workflow',
      action: 'task.overdue',
      at: at(),
    });
    const emails = await outbox(p.workflowId, 'email');
    expect(emails.map((e) => [e.action, e.recipientId])).toEqual([
      ['task.opened', people.tremblay.id],
      ['task.overdue', people.tremblay.id],
    ]);
    // The projection itself is written: a missing person never blocks the workflow.
    expect((await db.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: unknown.taskId })).status).toBe('open');
    expect((await db.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: known.taskId })).overdue).toBe(true);
  });

  it('enqueues nothing when no channel is configured, and nothing for actions without a rule', async () => {
    const quiet = new ProjectionActivitiesService(
      db.dataSource,
      new NotificationOutbox(loadConfig({})),
      new PublishedEventOutbox(loadConfig({})),
    );
    const p = await participation();
    await quiet.openTask(task(p, people.tremblay.id));
    const open = task(p, people.tremblay.id, 'b');
    await activities.openTask(open);
    await activities.changeTask({
      taskId: open.taskId,
      workflowId: p.workflowId,
      stepKey: `${open.stepKey}/completed`,
      status: 'completed',
      deliverable: { summary: 'fait' },
      actorId: people.tremblay.id,
      action: 'task.completed',
      at: at(),
    });
    const rows = await outbox(p.workflowId);
    expect(rows.map((r) => [r.action, r.notificationKey.split('|')[0]])).toEqual([
      ['task.opened', `${p.workflowId}#${open.stepKey}`],
      ['task.opened', `${p.workflowId}#${open.stepKey}`],
    ]);
  });
});
