import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsActorId, IsIsoDate, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { REGIONAL_FORUMS, type RegionalForum, type RegionalForumInput } from './regional-forum.contract';

export class LaunchRegionalForumDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['regional-forum'] })
  @IsIn(['regional-forum'])
  kind: 'regional-forum';

  @ApiProperty({ enum: REGIONAL_FORUMS, description: 'AER, REGLEG or the Conference of Heads of Government of Partner Regions.' })
  @IsIn(REGIONAL_FORUMS)
  declare forum: RegionalForum;

  @ApiProperty({ example: '2027-10-15T08:00:00Z', description: 'When the forum’s session opens.' })
  @IsIsoDate()
  sessionDate: string;

  @ApiProperty({ example: 'expert-caron', description: 'Who writes the delegate’s briefing note.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  briefingAuthorId: string;
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const regionalForumLaunch: KindLaunch<LaunchRegionalForumDto> = {
  dto: LaunchRegionalForumDto,
  toInput: (dto, header, config): RegionalForumInput => ({
    ...header,
    kind: 'regional-forum',
    sessionDate: isoDate(dto.sessionDate),
    briefingAuthorId: dto.briefingAuthorId,
    timing: taskTiming(config),
  }),
};
