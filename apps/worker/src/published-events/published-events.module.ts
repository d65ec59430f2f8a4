import { Module } from '@nestjs/common';
import { BrokerPublisher } from './broker.publisher';
import { EventDeliveryService } from './event-delivery.service';
import { EventDeliveryStore } from './event-delivery.store';
import { PublishedEventOutbox } from './published-event-outbox';
import { WebhookSender } from './webhook.sender';

/**
 * For the worker process: the CloudEvents outbox writer the projection
 * activities use, and the loop that delivers it to webhooks and the broker.
 * Needs ConfigModule and PersistenceModule from the root module.
 */
@Module({
  providers: [PublishedEventOutbox, EventDeliveryStore, WebhookSender, BrokerPublisher, EventDeliveryService],
  exports: [PublishedEventOutbox, EventDeliveryService],
})
export class PublishedEventsModule {}
