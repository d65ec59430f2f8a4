import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REGIONAL_FORUMS, type RegionalForum } from '@lib/contracts';
import { IsActorId, IsIsoDate } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

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
  briefingAuthorId: string;
}
