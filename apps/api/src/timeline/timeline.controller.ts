import { Roles } from '../auth/auth.decorators';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@lib/contracts';
import { CallerLocale } from '../common/caller-locale';
import { uuidPipe } from '../common/uuid.pipe';
import type { Timeline } from './timeline-entry.view';
import { TimelineService } from './timeline.service';

@ApiTags('supervision')
@Roles('coordinator', 'supervisor')
@Controller('participations/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @ApiOperation({
    summary: 'What happened to a participation, oldest first: phases, tasks, decisions, timers, who acted (in the caller’s language)',
  })
  get(@Param('id', uuidPipe) id: string, @CallerLocale() locale: Locale): Promise<Timeline> {
    return this.timeline.timelineOf(id, locale);
  }
}
