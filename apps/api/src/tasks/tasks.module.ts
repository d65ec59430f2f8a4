import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [PersistenceModule, TemporalClientModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
