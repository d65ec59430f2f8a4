import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../../../libs/config/src';
import { NotificationEntity, type PersonEntity } from '../../../../libs/persistence/src';
import { PublishedEventOutbox } from '../published-events/published-event-outbox';
import { ProjectionActivitiesService } from './projection.activities';
import { migratedScratchDatabase, seedPeople } from '../../../../test/helpers/notification-fixtures';
import { startSmtpSink, type SmtpSink, type SmtpVerdict } from '../../../../test/helpers/smtp-sink';
import { startWebhookSink, type WebhookSink } from '../../../../test/helpers/webhook-sink';
import { eventually } from '../../../../test/helpers/test-stack';
import { EmailTransport } from '../../../../libs/notifications/src/email.transport';
import { NotificationOutbox } from '../../../../libs/notifications/src/notification-outbox.service';
import { NotificationStore } from '../../../../libs/notifications/src/notification.store';
import { NotifierService } from '../../../../libs/notifications/src/notifier.service';
import { WebhookTransport } from '../../../../libs/notifications/src/webhook.transport';

/**
 * The notifier against a real SMTP server, a real HTTP endpoint and the real
 * PostgreSQL: what arrives, retries after refusals, and never twice.
 * The file has a database of its own, so no other notifier takes its rows.
 */
describe('NotifierService', () => {
  let db: Awaited<ReturnType<typeof migratedScratchDatabase>>;
  let people: Record<string, PersonEntity>;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    Logger.overrideLogger(['error']); // refusals are logged as warnings, on purpose
    db = await migratedScratchDatabase();
    people = await seedPeople(db.dataSource, [
      { key: 'coord', displayName: 'Hélène Lavoie' },
      { key: 'tremblay', displayName: 'Marc Tremblay' },
      { key: 'smith', displayName: 'Jane Smith', language: 'en' },
    ]);
  });
  afterAll(() => db?.drop());
  // Each test starts from an empty outbox; the previous test's notifiers are stopped by then.
  beforeEach(() => db.dataSource.query('TRUNCATE notifications'));
  afterEach(async () => {
    while (cleanups.length) await (cleanups.pop() as () => Promise<unknown>)();
  });

  function configFor(sinks: { smtp?: SmtpSink; webhook?: WebhookSink }, env: Record<string, string> = {}) {
    return loadConfig({
      ...(sinks.smtp ? { SMTP_URL: sinks.smtp.url } : {}),
      ...(sinks.webhook ? { NOTIFY_WEBHOOK_URL: sinks.webhook.url } : {}),
      MAIL_FROM: 'Participations <robot@mri.example.org>',
      NOTIFY_POLL_INTERVAL: '100',
      NOTIFY_RETRY_INITIAL: '300',
      NOTIFY_MAX_ATTEMPTS: '3',
      ...env,
    });
  }

  /** A notifier polling the test's database, as the worker module builds it; stopped after the test. */
  function startNotifier(config: ReturnType<typeof loadConfig>): NotifierService {
    const email = new EmailTransport(config);
    const notifier = new NotifierService(config, new NotificationStore(db.dataSource), email, new WebhookTransport(config));
    notifier.onApplicationBootstrap();
    cleanups.push(async () => {
      await notifier.beforeApplicationShutdown();
      email.onApplicationShutdown();
    });
    return notifier;
  }

  async function smtpSink(verdict?: (attempt: number) => SmtpVerdict) {
    const sink = await startSmtpSink(verdict);
    cleanups.push(sink.close);
    return sink;
  }

  async function webhookSink(status?: (call: number) => number) {
    const sink = await startWebhookSink(status);
    cleanups.push(sink.close);
    return sink;
  }

  /** Opens one task per assignee through the projection activities, which enqueue their notifications. */
  async function openTasks(config: ReturnType<typeof loadConfig>, assigneeIds: string[]): Promise<string> {
    const activities = new ProjectionActivitiesService(db.dataSource, new NotificationOutbox(config), new PublishedEventOutbox(config));
    const key = randomUUID().slice(0, 8);
    const workflowId = `wto-round/notifier-${key}`;
    const participationId = randomUUID();
    await activities.registerParticipation({
      participationId,
      workflowId,
      kind: 'wto-round',
      businessKey: key,
      title: 'Cycle de Doha — agriculture',
      forum: 'wto',
      coordinatorId: people.coord.id,
      locale: 'fr',
      launchedAt: new Date().toISOString(),
      phase: 'position-drafting',
      details: {},
    });
    for (const [i, assigneeId] of assigneeIds.entries()) {
      await activities.openTask({
        taskId: randomUUID(),
        workflowId,
        participationId,
        stepKey: `${i}:task/position-${i}`,
        kind: 'position',
        title: `Position ${i}`,
        instructions: 'I',
        assigneeId,
        candidateGroup: null,
        dueAt: '2027-03-01T14:30:00Z',
        priority: 'normal',
        at: new Date().toISOString(),
      });
    }
    return workflowId;
  }

  const rows = () => db.dataSource.getRepository(NotificationEntity).find({ order: { id: 'ASC' } });
  const allSettled = async () => {
    const all = await rows();
    return all.every((r) => r.status !== 'pending') ? all : undefined;
  };

  it('e-mails each assignee in their language, with a plain-text and an HTML part, and marks the row sent', async () => {
    const smtp = await smtpSink();
    const config = configFor({ smtp });
    await openTasks(config, [people.tremblay.id, people.smith.id]);
    startNotifier(config);

    const sent = await eventually(allSettled, { what: 'both notifications to be sent' });
    expect(sent.map((r) => [r.recipientId, r.status, r.attempts, r.lastError])).toEqual([
      [people.tremblay.id, 'sent', 1, null],
      [people.smith.id, 'sent', 1, null],
    ]);
    expect(sent.every((r) => r.sentAt instanceof Date)).toBe(true);

    const [french] = smtp.to(people.tremblay.email);
    expect(french.subject).toBe('Nouvelle tâche : « Position 0 »');
    expect(french.from?.value).toEqual([{ address: 'robot@mri.example.org', name: 'Participations' }]);
    expect(french.to).toMatchObject({ value: [{ address: people.tremblay.email, name: 'Marc Tremblay' }] });
    expect(french.text).toContain('« Cycle de Doha — agriculture »');
    expect(french.html).toContain('<a href="http://127.0.0.1:3000/inbox">');
    expect(french.headers.get('x-notification-key')).toBe(sent[0].notificationKey);
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.messageId).toMatch(/^<[0-9a-f]{32}@mri\.example\.org>$/);

    const [english] = smtp.to(people.smith.email);
    expect(english.subject).toBe('New task: "Position 1"');
    expect(english.text).toContain('Hello Jane Smith,');
    expect(smtp.received).toHaveLength(2);
  });

  it('retries an e-mail the SMTP server refused for now, and delivers it once', async () => {
    const smtp = await smtpSink((attempt) => (attempt === 1 ? { code: 451, message: 'Try again later' } : undefined));
    const config = configFor({ smtp });
    await openTasks(config, [people.tremblay.id]);
    startNotifier(config);

    const [row] = await eventually(allSettled, { what: 'the notification to be sent after a retry' });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.attempts).toBe(2);
    expect(smtp.to(people.tremblay.email)).toHaveLength(1);
  });

  it('gives up at once on a permanent refusal, and after NOTIFY_MAX_ATTEMPTS on a lasting one', async () => {
    const smtp = await smtpSink((attempt) =>
      attempt === 1 ? { code: 550, message: 'No such user' } : { code: 421, message: 'Service not available' },
    );
    const config = configFor({ smtp }, { NOTIFY_RETRY_INITIAL: '100', NOTIFY_MAX_ATTEMPTS: '3' });
    await openTasks(config, [people.tremblay.id]);
    startNotifier(config);
    const [permanent] = await eventually(allSettled, { what: 'the first notification to fail' });
    expect(permanent).toMatchObject({ status: 'failed', attempts: 1 });
    expect(permanent.lastError).toContain('550');

    await openTasks(config, [people.smith.id]);
    const [, lasting] = await eventually(allSettled, { what: 'the second notification to fail' });
    expect(lasting).toMatchObject({ status: 'failed', attempts: 3 });
    expect(lasting.lastError).toContain('421');
    expect(smtp.attempts).toBe(4);
    expect(smtp.received).toHaveLength(0);
  });

  it('posts to the webhook with an idempotency key, retrying after a 500', async () => {
    const webhook = await webhookSink((call) => (call === 1 ? 500 : 204));
    const config = configFor({ webhook });
    const workflowId = await openTasks(config, [people.tremblay.id]);
    startNotifier(config);

    const [row] = await eventually(allSettled, { what: 'the webhook notification to be delivered' });
    expect(row).toMatchObject({ channel: 'webhook', status: 'sent', attempts: 2 });
    expect(webhook.calls.map((c) => c.status)).toEqual([500, 204]);
    expect(new Set(webhook.calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set([row.notificationKey]));
    expect(webhook.accepted()[0].body).toMatchObject({
      key: row.notificationKey,
      action: 'task.opened',
      recipient: { id: people.tremblay.id, displayName: 'Marc Tremblay', email: people.tremblay.email },
      locale: 'fr',
      subject: 'Nouvelle tâche : « Position 0 »',
      link: 'http://127.0.0.1:3000/inbox',
      workflowId,
    });
  });

  it('never sends a notification twice when two notifiers poll the same outbox', async () => {
    const smtp = await smtpSink();
    const webhook = await webhookSink();
    const config = configFor({ smtp, webhook }, { NOTIFY_POLL_INTERVAL: '20' });
    const assignees = Array.from({ length: 15 }, (_, i) => (i % 2 ? people.tremblay.id : people.smith.id));
    await openTasks(config, assignees);
    startNotifier(config);
    startNotifier(config);

    const sent = await eventually(allSettled, { what: 'every notification to be sent', timeoutMs: 30_000 });
    expect(sent).toHaveLength(30);
    expect(sent.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const mailKeys = smtp.received.map((r) => r.mail.headers.get('x-notification-key'));
    expect(mailKeys).toHaveLength(15);
    expect(new Set(mailKeys).size).toBe(15);
    const hookKeys = webhook.calls.map((c) => c.headers['idempotency-key']);
    expect(hookKeys).toHaveLength(15);
    expect(new Set(hookKeys).size).toBe(15);
  });

  it('stays off, and claims nothing, when no channel is configured', async () => {
    const notifier = startNotifier(loadConfig({}));
    await db.dataSource.getRepository(NotificationEntity).insert({
      notificationKey: 'k',
      action: 'task.opened',
      recipientId: people.tremblay.id,
      channel: 'email',
      address: people.tremblay.email,
      locale: 'fr',
      subject: 's',
      body: 'b',
    });
    expect(await notifier.deliverDue()).toBe(0);
    expect(await rows()).toMatchObject([{ status: 'pending', attempts: 0 }]);
  });
});
