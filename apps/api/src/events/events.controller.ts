import { Roles } from '../auth/auth.decorators';
import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Locale } from '@lib/contracts';
import { CallerLocale } from '../common/caller-locale';
import { readIncomingEvent } from './cloud-events/incoming-event';
import { CloudEventDto } from './dto/cloud-event.dto';
import { ExternalEventDto } from './dto/external-event.dto';
import { EventsService, type EventReceipt } from './events.service';

@ApiTags('events')
@Roles('integration')
@ApiExtraModels(ExternalEventDto, CloudEventDto)
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Receive an external event and route it to its participation: 201 routed and stored, 200 already received (nothing done), 404 no participation, 422 unknown type. ' +
      'Our own body (application/json), a CloudEvent 1.0 in structured mode (application/cloudevents+json), or in binary mode (ce-* headers, the data as an application/json body); ' +
      'a CloudEvent counts once per source + id.',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(ExternalEventDto) }, { $ref: getSchemaPath(CloudEventDto) }] } })
  @ApiHeader({
    name: 'ce-specversion',
    required: false,
    description: 'Binary mode: 1.0, with ce-id, ce-source, ce-type (ce-subject, ce-time optional)',
  })
  async receive(
    // Read by hand: the envelope's shape depends on the content type and the ce-* headers.
    @Body() body: unknown,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @CallerLocale() locale: Locale,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EventReceipt> {
    const receipt = await this.events.receive(await readIncomingEvent(headers, body), locale);
    res.status(receipt.duplicate ? 200 : 201);
    return receipt;
  }
}
