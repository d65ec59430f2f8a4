import { AuditEntryEntity, auditEntryKey } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { PersonEntity } from './person.entity';
import { TaskEntity } from './task.entity';
import { NotificationEntity } from './notification.entity';

export { AuditEntryEntity, ParticipationEntity, PersonEntity, TaskEntity };
export { auditEntryKey };
export * from './notification.entity';

export const ENTITIES = [ParticipationEntity, TaskEntity, AuditEntryEntity, PersonEntity, NotificationEntity];
