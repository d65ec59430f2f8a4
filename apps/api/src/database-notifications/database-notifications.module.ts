import { Module } from '@nestjs/common';
import { DatabaseNotifications } from './database-notifications.service';

/** One listening connection per API instance, shared by every module that imports this one. */
@Module({
  providers: [DatabaseNotifications],
  exports: [DatabaseNotifications],
})
export class DatabaseNotificationsModule {}
