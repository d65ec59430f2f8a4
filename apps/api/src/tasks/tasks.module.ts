import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { DatabaseNotificationsModule } from '../database-notifications/database-notifications.module';
import { PeopleModule } from '../people/people.module';
import { TaskEventsService } from './task-events.service';
import { TaskStreamController } from './task-stream.controller';
import { TasksController } from './tasks.controller';
import { TaskReassignment } from './task-reassignment.service';
import { TasksService } from './tasks.service';

@Module({
  imports: [PersistenceModule, TemporalClientModule, PeopleModule, DatabaseNotificationsModule],
  // The stream controller comes first so /tasks/events is not taken for a task id.
  controllers: [TaskStreamController, TasksController],
  providers: [TasksService, TaskReassignment, TaskEventsService],
})
export class TasksModule {}
