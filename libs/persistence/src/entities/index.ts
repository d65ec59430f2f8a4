import { AuditEntryEntity } from './audit-entry.entity';
import { ParticipationEntity } from './participation.entity';
import { PersonEntity } from './person.entity';
import { TaskEntity } from './task.entity';

export { AuditEntryEntity, ParticipationEntity, PersonEntity, TaskEntity };

export const ENTITIES = [ParticipationEntity, TaskEntity, AuditEntryEntity, PersonEntity];
