import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { TASK_STATUSES, type TaskStatus } from '@lib/contracts';
import { IsActorId, IsSlug, PersonRef } from '@lib/validation';
import { ReasonDto, TASK_HOLDER_ROLES } from './task-commands.dto';

/** The tasks a bulk reassignment takes when no status is given: those still waiting for someone. */
export const REASSIGNABLE_STATUSES: TaskStatus[] = ['open', 'claimed', 'declined'];

export class BulkReassignDto extends ReasonDto {
  @ApiProperty({ example: 'expert-tremblay', description: 'Whose tasks move (active or not: someone who left, too).' })
  @IsActorId()
  fromAssigneeId: string;

  @ApiProperty({ example: 'expert-nguyen', description: 'Who receives them: an active expert or coordinator.' })
  @IsActorId()
  @PersonRef({ role: TASK_HOLDER_ROLES })
  toAssigneeId: string;

  @ApiPropertyOptional({ description: 'Only the tasks of this participation' })
  @IsOptional()
  @IsUUID()
  participationId?: string;

  @ApiPropertyOptional({ example: 'position', description: 'Only tasks of this kind (position, debrief, approval…)' })
  @IsOptional()
  @IsSlug()
  kind?: string;

  @ApiPropertyOptional({
    enum: TASK_STATUSES,
    isArray: true,
    example: ['open', 'claimed'],
    description: 'Only tasks in these statuses (open, claimed and declined when absent); a closed one is refused with its reason',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TASK_STATUSES.length)
  @ArrayUnique()
  @IsIn(TASK_STATUSES, { each: true })
  status?: TaskStatus[];
}
