import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { EachNested } from '../../common/each-nested.decorator';
import { IsIsoDate } from '../dto/field-decorators';
import { MutuallyExclusiveWith } from '../../common/mutually-exclusive.validator';
import { LaunchHeaderDto } from './launch-header.dto';
import { ACTOR_ID_PATTERN, SLUG_MAX_LENGTH } from '../dto/identifiers';

export class IssueAreaDto {
  @ApiProperty({ example: 'agriculture', description: 'Issue area code (lower-case slug).' })
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(SLUG_MAX_LENGTH)
  area: string;

  @ApiPropertyOptional({ example: 'expert-tremblay', description: 'Expert who drafts the position (or give candidateGroup).' })
  @ValidateIf((o: IssueAreaDto) => o.candidateGroup === undefined || o.expertId !== undefined)
  @IsString()
  @Matches(ACTOR_ID_PATTERN)
  expertId?: string;

  @ApiPropertyOptional({ example: 'wto-experts', description: 'Shared inbox whose members claim the task (instead of expertId).' })
  @ValidateIf((o: IssueAreaDto) => o.candidateGroup !== undefined)
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN)
  @MutuallyExclusiveWith('expertId')
  candidateGroup?: string;
}

export class SessionDto {
  @ApiProperty({ example: '2027-03-01T09:00:00Z', description: 'When the negotiation session opens (ISO 8601).' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'expert-tremblay', description: 'Expert who writes the debrief.' })
  @IsString()
  @Matches(ACTOR_ID_PATTERN)
  leadExpertId: string;
}

export class LaunchWtoRoundDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['wto-round'], example: 'wto-round' })
  @IsIn(['wto-round'])
  kind: 'wto-round';

  @ApiProperty({ type: [IssueAreaDto], description: 'One position task per area, drafted in parallel.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique((a: IssueAreaDto) => a?.area)
  @EachNested(() => IssueAreaDto)
  issueAreas: IssueAreaDto[];

  @ApiProperty({ example: ['dm-international'], description: 'Who may approve the mandate.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ACTOR_ID_PATTERN, { each: true })
  mandateApproverIds: string[];

  @ApiProperty({ type: [SessionDto], description: 'Negotiation sessions, each followed by a debrief task.' })
  @IsArray()
  @ArrayMaxSize(50)
  @EachNested(() => SessionDto)
  sessions: SessionDto[];
}
