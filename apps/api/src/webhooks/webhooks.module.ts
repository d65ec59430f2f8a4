import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { DeliveryMetrics } from './delivery.metrics';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** `/webhooks`: subscriptions to published events and the dead-letter list (admins); delivery gauges on /metrics. */
@Module({
  imports: [PersistenceModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, DeliveryMetrics],
})
export class WebhooksModule {}
