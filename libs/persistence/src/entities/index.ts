import { AuditEntryEntity } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { openTaskCondition, TaskEntity } from './task.entity';

export { AuditEntryEntity, ParticipationEntity, TaskEntity, openTaskCondition };

export const ENTITIES = [ParticipationEntity, TaskEntity, AuditEntryEntity];
