import type { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src';
import { NotificationOutbox } from '../../libs/notifications/src';
import { PublishedEventOutbox } from '../../apps/worker/src/published-events/published-event-outbox';
import { ProjectionActivitiesService } from '../../apps/worker/src/activities/projection.activities';
import { connectRunDatabase } from './database';

/** The worker's projection service on the test run's own PostgreSQL database, with the default configuration. */
export async function projectionServiceOnRunDatabase(): Promise<{ dataSource: DataSource; activities: ProjectionActivitiesService }> {
  const dataSource = await connectRunDatabase();
  const config = loadConfig({});
  const activities = new ProjectionActivitiesService(dataSource, new NotificationOutbox(config), new PublishedEventOutbox(config));
  return { dataSource, activities };
}
