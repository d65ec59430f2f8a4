import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, httpLogOptions, type AppConfig } from '@lib/config';
import { TelemetryFlush } from '@lib/telemetry';
import { loadProcessConfig } from '@workflows/registry-lookups';
import { PersistenceModule } from '@lib/persistence';
import { NotificationsModule } from '@lib/notifications';
import { TemporalClientModule } from '@lib/temporal';
import { ProjectionActivitiesService } from './activities/projection.activities';
import { ScheduleActivitiesService } from './activities/schedule.activities';
import { PublishedEventsModule } from './published-events/published-events.module';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthServer } from './worker-health.server';

/** The worker process: no controllers, only activities and the Temporal Worker that runs them. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadProcessConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(httpLogOptions(config, 'worker')),
        PersistenceModule,
        NotificationsModule,
        PublishedEventsModule,
        TemporalClientModule,
      ],
      providers: [ProjectionActivitiesService, ScheduleActivitiesService, TemporalWorkerService, WorkerHealthServer, TelemetryFlush],
      exports: [TemporalWorkerService],
    };
  }
}
