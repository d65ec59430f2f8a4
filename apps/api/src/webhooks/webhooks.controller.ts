import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { PageQuery, type Page } from '../common/page.query';
import { uuidPipe } from '../common/uuid.pipe';
import { deliveryIdPipe } from './delivery-id.pipe';
import { CreateSubscriptionDto } from './dto/subscription.dto';
import { WebhooksService, type DeadLetterView, type SubscriptionView } from './webhooks.service';

/** Admins only: where published CloudEvents go (signed per Standard Webhooks), and what could not be delivered. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('subscriptions')
  @ApiOperation({ summary: 'Subscribe a URL to published events (filters by type, kind, forum); the answer shows the secret, once' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateSubscriptionDto): Promise<SubscriptionView> {
    return this.webhooks.create(caller.id, body);
  }

  @Get('subscriptions')
  @ApiOperation({ summary: 'The subscriptions, without their secrets' })
  list(@Query() query: PageQuery): Promise<Page<SubscriptionView>> {
    return this.webhooks.list(query.page, query.pageSize);
  }

  @Get('subscriptions/:id')
  @ApiOperation({ summary: 'One subscription, without its secret; 404 if unknown' })
  get(@Param('id', uuidPipe) id: string): Promise<SubscriptionView> {
    return this.webhooks.get(id);
  }

  @Post('subscriptions/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop delivering to a subscription' })
  deactivate(@Param('id', uuidPipe) id: string): Promise<SubscriptionView> {
    return this.webhooks.deactivate(id);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Deliveries given up after their last attempt (or refused for good by the receiver), oldest first' })
  deadLetters(@Query() query: PageQuery): Promise<Page<DeadLetterView>> {
    return this.webhooks.deadLetters(query.page, query.pageSize);
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver a dead letter again, from its first attempt; 404 if it is not in the list' })
  replay(@Param('id', deliveryIdPipe) id: string): Promise<{ id: string; status: 'pending' }> {
    return this.webhooks.replay(id);
  }
}
