import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TASK_PRIORITIES, type TaskPriority } from '@lib/contracts';
import { ACTOR_ID_PATTERN } from '@lib/contracts';
import { PersonRef, IsNotBlank } from '@lib/validation';

/** Who may hold a task: the roles the task endpoints let act on one. */
export const TASK_HOLDER_ROLES = ['expert', 'coordinator'] as const;

export class ReasonDto {
  @ApiProperty({ example: 'En congé jusqu’au 15 mars.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason: string;
}

export class ReassignTaskDto extends ReasonDto {
  @ApiProperty({ example: 'expert-nguyen' })
  @Matches(ACTOR_ID_PATTERN)
  @PersonRef({ role: TASK_HOLDER_ROLES })
  assigneeId: string;
}

export class RescheduleTaskDto extends ReasonDto {
  @ApiPropertyOptional({ example: '2027-03-15T17:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES })
  @IsOptional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;
}
