import { AuditEntryEntity } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { TaskEntity } from './task.entity';

export { AuditEntryEntity, ParticipationEntity, TaskEntity };

export const ENTITIES = [ParticipationEntity, TaskEntity, AuditEntryEntity];
