import { AuditEntryEntity, auditEntryKey } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { PersonEntity } from './person.entity';
import { openTaskCondition, TaskEntity } from './task.entity';
import { NotificationEntity } from './notification.entity';
import { ExternalEventEntity, type EventRoute } from './external-event.entity';
import { GroupEntity } from './group.entity';
import { AbsenceEntity } from './absence.entity';
import { DirectoryChangeEntity } from './directory-change.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { LaunchKeyEntity } from './launch-key.entity';
import { ForumEntity } from './forum.entity';
import { CountryEntity } from './country.entity';
import { OfficeEntity } from './office.entity';
import { EventOutboxEntity } from './event-outbox.entity';
import { EventDeliveryEntity } from './event-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

export { AuditEntryEntity, ParticipationEntity, PersonEntity, TaskEntity, openTaskCondition };
export { auditEntryKey };
export * from './notification.entity';
export { ExternalEventEntity, type EventRoute };
export { GroupEntity, AbsenceEntity, DirectoryChangeEntity, CalendarFeedEntity, LaunchKeyEntity };
export { ForumEntity, CountryEntity, OfficeEntity };
export { EventOutboxEntity, WebhookSubscriptionEntity };
export * from './event-delivery.entity';

export const ENTITIES = [
  ParticipationEntity,
  TaskEntity,
  AuditEntryEntity,
  PersonEntity,
  NotificationEntity,
  ExternalEventEntity,
  GroupEntity,
  AbsenceEntity,
  DirectoryChangeEntity,
  CalendarFeedEntity,
  LaunchKeyEntity,
  ForumEntity,
  CountryEntity,
  OfficeEntity,
  EventOutboxEntity,
  EventDeliveryEntity,
  WebhookSubscriptionEntity,
];
