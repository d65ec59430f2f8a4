import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class DashboardQuery {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100, description: 'How many participations in "waiting longest".' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  waiting = 10;
}
