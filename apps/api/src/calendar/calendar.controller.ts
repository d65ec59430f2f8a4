import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, Public } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { CalendarFeedService } from './calendar-feed.service';

/** The personal calendar feed: due dates and sessions in Outlook or any calendar application. */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('me/calendar-feed')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A new secret address for my calendar feed (the previous one stops working); shown once' })
  renew(@CurrentCaller() caller: Caller): Promise<{ path: string; url: string; createdAt: string }> {
    return this.feeds.renew(caller.id);
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke my calendar feed: its address answers 404 from now on' })
  revoke(@CurrentCaller() caller: Caller): Promise<void> {
    return this.feeds.revoke(caller.id);
  }

  /** Calendar applications send no token: the secret in the address is the key. */
  @Get('calendar/:file')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'A person’s calendar (text/calendar): their open tasks’ due dates and the sessions they attend' })
  async read(@Param('file') file: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const secret = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(file)?.[1];
    if (!secret) throw new DomainError('not-found', 'error.calendarFeedUnknown');
    const calendar = await this.feeds.render(secret);
    // Set once the calendar is found: a refusal stays the usual JSON error.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, no-store');
    return calendar;
  }
}
