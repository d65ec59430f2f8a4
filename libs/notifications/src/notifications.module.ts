import { Module } from '@nestjs/common';
import { EmailTransport } from './email.transport';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationStore } from './notification.store';
import { NotifierService } from './notifier.service';
import { WebhookTransport } from './webhook.transport';

/**
 * For the worker process: the outbox writer the projection activities use, and
 * the notifier that delivers the outbox for the application's lifetime. Needs
 * ConfigModule and PersistenceModule from the root module.
 */
@Module({
  providers: [NotificationOutbox, NotificationStore, EmailTransport, WebhookTransport, NotifierService],
  exports: [NotificationOutbox, NotifierService],
})
export class NotificationsModule {}
