import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Locale } from '@lib/contracts';
import type { PlanReport } from '@lib/contracts/http/http-views';
import { Roles } from '../auth/auth.decorators';
import { CallerLocale } from '../common/caller-locale';
import { planReportCsv } from './plan-report.csv';
import { PlanReportQuery } from './plan-report.query';
import { PlanReportService } from './plan-report.service';
import { reportRange } from './plan-windows';

/** The plan's report, for those who watch the whole (supervisors; admins may do everything). */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor')
@Controller('reports')
export class PlanReportController {
  constructor(private readonly reports: PlanReportService) {}

  @Get('plan')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Per key initiative of the plan and per year: participations launched, open and concluded, tasks delivered, interns placed, experts in task forces, ratifications, agreements signed, missions held; CSV with Accept: text/csv or format=csv',
  })
  async plan(
    @Query() query: PlanReportQuery,
    @CallerLocale() locale: Locale,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanReport | string> {
    const report = await this.reports.report(reportRange(query.from, query.to), locale);
    const csv = query.format === 'csv' || (query.format === undefined && request.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="plan-report-${report.years[0]}-${report.years.at(-1)}.csv"`);
    response.setHeader('Content-Language', locale);
    return planReportCsv(report, locale);
  }
}
