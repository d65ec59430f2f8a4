import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** `/webhooks`: subscriptions to published events and the dead-letter list (admins). */
@Module({
  imports: [PersistenceModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class WebhooksModule {}
