import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate, IsNotBeforeStart } from '@lib/validation';

export const REPORT_FORMATS = ['json', 'csv'] as const;

/** `GET /reports/plan`: the range (ISO 8601; a date alone in `to` counts the whole day) and the format. */
export class PlanReportQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Start of the range (inclusive); 1 January of `to`’s year by default.' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'End of the range (inclusive); now by default. Not before `from`.' })
  @IsOptional()
  @IsIsoDate()
  @IsNotBeforeStart('from')
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv: the same rows as CSV (also chosen by Accept: text/csv).' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: (typeof REPORT_FORMATS)[number];
}
