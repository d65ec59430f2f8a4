import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { DEFAULT_LOCALE, isLocale, translate, type Locale } from '@lib/contracts';
import { NotificationEntity, readJournalContext, type JournalContext, type NotificationChannel, type PersonEntity } from '@lib/persistence';
import { enabledChannels } from './channels';
import { composeMessage, formatDate } from './notification-message';
import { loadPeople, resolveAddressees, type Addressee, type NotificationContext } from './notification-recipients';
import { ruleFor } from './notification-rules';

/**
 * The outbox writer. The projection activities call it inside their
 * transaction, right after they claimed a new audit entry: the notifications
 * that entry causes are committed with it or not at all. Each row's key is the
 * audit entry key + recipient + channel, so nothing is ever enqueued twice.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);
  private readonly channels: NotificationChannel[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channels = enabledChannels(config.notifications);
  }

  /** Enqueues what the audit entry `workflowId#stepKey` (written in this transaction) notifies, if anything. */
  async enqueueFor(em: EntityManager, workflowId: string, stepKey: string): Promise<void> {
    if (this.channels.length === 0) return;
    const context = await readJournalContext(em, workflowId, stepKey);
    if (context) await this.enqueueFrom(em, context);
  }

  /** The same, from the entry's context already read in this transaction (the projection reads it once for both outboxes). */
  async enqueueFrom(em: EntityManager, { entry, participation, task }: JournalContext): Promise<void> {
    const rule = this.channels.length > 0 ? ruleFor(entry.action) : undefined;
    if (!rule) return;
    if (!participation || (rule.about === 'task' && !task)) {
      this.logger.warn({ entryKey: entry.entryKey, action: entry.action }, 'Nothing to notify about: participation or task row missing');
      return;
    }
    const context: NotificationContext = { entry, participation, task };
    const addressees = await resolveAddressees(em, rule.deliveries, context);
    const people = await loadPeople(em, [
      ...addressees.map((a) => a.personId),
      entry.actorId,
      task?.assigneeId ?? '',
      task?.delegatedFrom ?? '',
    ]);
    const rows = addressees.flatMap((addressee) => {
      const person = people.get(addressee.personId);
      if (person?.active) return this.rows(context, addressee, person, people);
      this.logger.warn(
        { recipientId: addressee.personId, action: entry.action, workflowId: entry.workflowId },
        person ? 'Recipient is inactive: notification skipped' : 'Recipient has no people row: notification skipped',
      );
      return [];
    });
    if (rows.length === 0) return;
    await em.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
  }

  private rows(
    { entry, participation, task }: NotificationContext,
    { message, personId }: Addressee,
    person: PersonEntity,
    people: Map<string, PersonEntity>,
  ): Partial<NotificationEntity>[] {
    const locale: Locale = isLocale(person.language) ? person.language : DEFAULT_LOCALE;
    const link = `${this.config.publicBaseUrl}/inbox`;
    const nameOf = (id?: string | null) => (id ? (people.get(id)?.displayName ?? id) : '');
    const texts = composeMessage(locale, message, {
      name: person.displayName,
      link,
      participation: participation.title,
      task: task?.title ?? '',
      due: task ? formatDate(locale, task.dueAt, this.config.notifications.timeZone) : '',
      group: task?.candidateGroup ?? '',
      assignee: nameOf(task?.assigneeId),
      delegator: nameOf(task?.delegatedFrom),
      actor: nameOf(entry.actorId),
      note: entry.note ?? translate(locale, 'notify.noNote'),
    });
    return this.channels.map((channel) => ({
      notificationKey: `${entry.entryKey}|${personId}|${channel}`,
      action: entry.action,
      recipientId: personId,
      channel,
      address: channel === 'email' ? person.email : null,
      locale,
      subject: texts.subject,
      body: texts.body,
      html: channel === 'email' ? texts.html : null,
      payload: {
        workflowId: entry.workflowId,
        participationId: entry.participationId,
        taskId: task?.id ?? null,
        link,
        recipient: { id: person.id, displayName: person.displayName, email: person.email },
      },
    }));
  }
}
