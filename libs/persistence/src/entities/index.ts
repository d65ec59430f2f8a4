import { AuditEntryEntity } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { TaskEntity } from './task.entity';
import { ExternalEventEntity, type EventRoute } from './external-event.entity';

export { AuditEntryEntity, ParticipationEntity, TaskEntity };
export { ExternalEventEntity, type EventRoute };

export const ENTITIES = [ParticipationEntity, TaskEntity, AuditEntryEntity, ExternalEventEntity];
