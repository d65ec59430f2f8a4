import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { EachNested, IsActorId, IsActorIdList, IsIsoDate, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { type ExpertTaskForceInput } from './expert-task-force.contract';

export class TaskForceMeetingDto {
  @ApiProperty({ example: '2027-06-10T13:00:00Z' })
  @IsIsoDate()
  date: string;
}

export class LaunchExpertTaskForceDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['expert-task-force'] })
  @IsIn(['expert-task-force'])
  kind: 'expert-task-force';

  @ApiProperty({ example: 'expert-pelletier', description: 'The expert nominated to the task force.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  expertId: string;

  @ApiProperty({ example: ['dm-international'], description: 'Who may approve the nomination.' })
  @IsActorIdList(1, 20)
  @PersonRef({ role: 'coordinator' })
  nominationApproverIds: string[];

  @ApiProperty({ type: [TaskForceMeetingDto], description: 'Task force meetings; the expert confirms attendance after each.' })
  @IsArray()
  @ArrayMaxSize(50)
  @EachNested(() => TaskForceMeetingDto)
  meetings: TaskForceMeetingDto[];

  @ApiProperty({ example: 2, minimum: 1, maximum: 20, description: 'Reports the expert hands in after the meetings.' })
  @IsInt()
  @Min(1)
  @Max(20)
  reportCount: number;
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const expertTaskForceLaunch: KindLaunch<LaunchExpertTaskForceDto> = {
  dto: LaunchExpertTaskForceDto,
  toInput: (dto, header, config): ExpertTaskForceInput => ({
    ...header,
    kind: 'expert-task-force',
    expertId: dto.expertId,
    nominationApproverIds: dto.nominationApproverIds,
    meetings: dto.meetings.map(({ date }) => ({ date: isoDate(date) })),
    reportCount: dto.reportCount,
    timing: { ...taskTiming(config), federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs },
  }),
};
