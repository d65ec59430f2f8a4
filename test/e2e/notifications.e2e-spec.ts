import { NotificationEntity, type PersonEntity } from '../../libs/persistence/src';
import { seedPeople } from '../helpers/notification-fixtures';
import { participationApi } from '../helpers/participation-api';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/**
 * Over the real stack: a round launched over HTTP, the worker's projection
 * writes enqueue notifications, its notifier e-mails them to a real SMTP server.
 */
describe('Notifications on a WTO round', () => {
  let stack: TestStack;
  let smtp: SmtpSink;
  let api: ReturnType<typeof participationApi>;
  let people: Record<string, PersonEntity>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startTestStack({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Participations <robot@mri.example.org>',
      PUBLIC_BASE_URL: 'https://participations.example.org',
      NOTIFY_POLL_INTERVAL: '200',
      FEDERAL_RESPONSE_TIMEOUT: '1s',
    });
    api = participationApi(stack);
    // Ids of their own: other test files run beside this one on the same database.
    people = await seedPeople(stack.dataSource, [
      { key: 'coord-notify', displayName: 'Hélène Lavoie', roles: ['coordinator'] },
      { key: 'expert-fr', displayName: 'Marc Tremblay' },
      { key: 'expert-en', displayName: 'Jane Smith', language: 'en' },
    ]);
    await stack.addPeople(Object.values(people).map((person) => person.id));
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('e-mails the coordinator at the federal escalation, then each expert their position task, in their language', async () => {
    const body = wtoLaunchBody({
      title: 'Cycle de Doha — notifications',
      coordinatorId: people['coord-notify'].id,
      issueAreas: [
        { area: 'agriculture', expertId: people['expert-fr'].id },
        { area: 'services', expertId: people['expert-en'].id },
      ],
      sessions: [{ date: new Date(Date.now() + 3600_000).toISOString(), leadExpertId: people['expert-fr'].id }],
    });
    const launched = await api.launch(body);

    const [escalation] = await eventually(
      async () => (smtp.to(people['coord-notify'].email).length ? smtp.to(people['coord-notify'].email) : undefined),
      { what: 'the escalation e-mail to the coordinator' },
    );
    expect(escalation.subject).toBe('Relance : aucune réponse fédérale pour « Cycle de Doha — notifications »');

    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: people['coord-notify'].id }).expect(200);
    const tasks = await api.waitForOpenTasks(launched.id, 'position', 2);

    const french = await eventually(async () => smtp.to(people['expert-fr'].email)[0], { what: 'the French expert’s e-mail' });
    const frenchTask = tasks.find((t) => t.assigneeId === people['expert-fr'].id) as Record<string, string>;
    expect(french.subject).toBe(`Nouvelle tâche : « ${frenchTask.title} »`);
    expect(french.text).toContain('Bonjour Marc Tremblay,');
    expect(french.text).toContain('« Cycle de Doha — notifications »');
    expect(french.text).toContain('https://participations.example.org/inbox');

    const english = await eventually(async () => smtp.to(people['expert-en'].email)[0], { what: 'the English expert’s e-mail' });
    expect(english.subject).toMatch(/^New task: ".+"$/);
    expect(english.text).toContain('Hello Jane Smith,');

    // One e-mail per event and person, each recorded as sent once the server took it.
    const rows = await eventually(
      async () => {
        const all = await stack.dataSource
          .getRepository(NotificationEntity)
          .createQueryBuilder('n')
          .where("n.payload->>'workflowId' = :workflowId", { workflowId: launched.workflowId })
          .getMany();
        return all.every((r) => r.status === 'sent') ? all : undefined;
      },
      { what: 'every notification of the round to be marked sent' },
    );
    const summary = (r: [string, string]) => r.join(' ');
    expect(rows.map((r) => summary([r.action, r.recipientId])).sort()).toEqual(
      [
        summary(['federal.escalated', people['coord-notify'].id]),
        summary(['task.opened', people['expert-fr'].id]),
        summary(['task.opened', people['expert-en'].id]),
      ].sort(),
    );
    // Only this round's people: the outbox is shared with the test files running beside this one, whose
    // e-mails this notifier may send to the same sink.
    const ours = Object.values(people).map((person) => person.email);
    expect(smtp.received.filter((r) => r.to.some((address) => ours.includes(address)))).toHaveLength(3);
  });
});
