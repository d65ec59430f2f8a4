import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { TASK_STATUSES, type TaskStatus } from '@lib/contracts';
import { ACTOR_ID_PATTERN } from '@lib/contracts';
import { PageQuery } from '../../common/page.query';

const toList = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? (value as unknown[]) : `${value as string}`.split(',')).map((v) => `${v as string}`.trim());

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated', example: 'open,claimed' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TASK_STATUSES, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  participationId?: string;

  @ApiPropertyOptional({ description: 'Only tasks due before this instant (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only tasks of this assignee (coordinators, supervisors)' })
  @IsOptional()
  @Matches(ACTOR_ID_PATTERN)
  assigneeId?: string;

  @ApiPropertyOptional({ enum: ['dueAt', 'priority'], default: 'dueAt' })
  @IsOptional()
  @IsIn(['dueAt', 'priority'])
  sort: 'dueAt' | 'priority' = 'dueAt';
}
