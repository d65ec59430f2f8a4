import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { EachNested, IsActorId, IsIsoDate, IsSlug, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { type SppInput } from './spp-working-group.contract';

export class MeetingDto {
  @ApiProperty({ example: '2027-05-12T14:00:00Z' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'expert-morin', description: 'Who attends and writes the debrief.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  leadExpertId: string;
}

export class DeliverableSpecDto {
  @ApiProperty({ example: 'regulatory-inventory' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'expert-morin' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  expertId: string;
}

export class LaunchSppWorkingGroupDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['spp-working-group'] })
  @IsIn(['spp-working-group'])
  kind: 'spp-working-group';

  @ApiProperty({ example: 'regulatory-cooperation', description: 'Working group code.' })
  @IsSlug()
  workingGroup: string;

  @ApiProperty({ type: [MeetingDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @EachNested(() => MeetingDto)
  meetings: MeetingDto[];

  @ApiProperty({ type: [DeliverableSpecDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((d: DeliverableSpecDto) => d?.code)
  @EachNested(() => DeliverableSpecDto)
  deliverables: DeliverableSpecDto[];

  @ApiProperty({ example: 'coord-lavoie', description: 'Who writes the progress report.' })
  @IsActorId()
  @PersonRef({ role: ['expert', 'coordinator'] })
  reportAuthorId: string;
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const sppWorkingGroupLaunch: KindLaunch<LaunchSppWorkingGroupDto> = {
  dto: LaunchSppWorkingGroupDto,
  toInput: (dto, header, config): SppInput => ({
    ...header,
    kind: 'spp-working-group',
    workingGroup: dto.workingGroup,
    meetings: dto.meetings.map(({ date, leadExpertId }) => ({ date: isoDate(date), leadExpertId })),
    deliverables: dto.deliverables.map(({ code, expertId }) => ({ code, expertId })),
    reportAuthorId: dto.reportAuthorId,
    timing: taskTiming(config),
  }),
};
