import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@lib/config';
import { PersistenceModule } from '@lib/persistence';
import { NotificationOutbox } from '@lib/notifications';
import { TemporalClientModule } from '@lib/temporal';
import { ProjectionActivitiesService } from '../activities/projection.activities';
import { PublishedEventOutbox } from '../published-events/published-event-outbox';
import { ReprojectService } from './reproject.service';

/**
 * What `npm run reproject` needs: the database, Temporal, and the worker's
 * projection writes. Their notification outbox runs with no channel and no
 * notifier runs here, and no CloudEvent is published: a rebuilt row is history,
 * not news, and nobody is told twice of what happened long ago.
 */
@Module({})
export class ReprojectModule {
  static forRoot(config: AppConfig): DynamicModule {
    const silent: AppConfig = { ...config, notifications: { ...config.notifications, smtpUrl: undefined, webhookUrl: undefined } };
    return {
      module: ReprojectModule,
      imports: [ConfigModule.forRoot(silent), PersistenceModule, TemporalClientModule],
      providers: [
        NotificationOutbox,
        { provide: PublishedEventOutbox, useValue: NOTHING_PUBLISHED },
        ProjectionActivitiesService,
        ReprojectService,
      ],
    };
  }
}

/** The published-events outbox of a rebuild: it writes nothing (see the module). */
const NOTHING_PUBLISHED: Pick<PublishedEventOutbox, 'enqueueFor' | 'enqueueFrom'> = {
  enqueueFor: () => Promise.resolve(),
  enqueueFrom: () => Promise.resolve(),
};
