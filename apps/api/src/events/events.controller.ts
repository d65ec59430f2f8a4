import { Roles } from '../auth/auth.decorators';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Locale } from '@lib/contracts';
import { CallerLocale } from '../common/caller-locale';
import { ExternalEventDto } from './dto/external-event.dto';
import { EventsService, type EventReceipt } from './events.service';

@ApiTags('events')
@Roles('integration')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Receive an external event and route it to its participation: 201 routed and stored, 200 already received (nothing done), 404 no participation, 422 unknown type',
  })
  async receive(
    @Body() body: ExternalEventDto,
    @CallerLocale() locale: Locale,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EventReceipt> {
    const receipt = await this.events.receive(body, locale);
    res.status(receipt.duplicate ? 200 : 201);
    return receipt;
  }
}
