import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { AuditController } from './audit.controller';

@Module({ imports: [PersistenceModule], controllers: [AuditController] })
export class AuditModule {}
