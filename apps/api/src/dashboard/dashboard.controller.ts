import { Roles } from '../auth/auth.decorators';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@lib/contracts';
import { CallerLocale } from '../common/caller-locale';
import { DashboardQuery } from './dashboard.query';
import type { Dashboard } from '@lib/contracts/http/http-views';
import { DashboardService } from './dashboard.service';

@ApiTags('supervision')
@Roles('coordinator', 'supervisor')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary: 'Counts by kind and phase, open and overdue tasks by forum, participations waiting longest in their phase',
  })
  read(@Query() query: DashboardQuery, @CallerLocale() locale: Locale): Promise<Dashboard> {
    return this.dashboard.read(locale, query.waiting);
  }
}
