import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '../../libs/contracts/src';
import {
  ACTOR_ID_PATTERN,
  EachNested,
  GroupRef,
  IsFutureDate,
  IsIsoDate,
  LaunchHeaderDto,
  MutuallyExclusiveWith,
  PersonRef,
  SLUG_MAX_LENGTH,
} from '../../libs/validation/src';
import { type KindLaunch } from '../kind-definition';
import { type WtoRoundInput } from './wto-round.contract';

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
  @PersonRef({ role: 'expert' })
  expertId?: string;

  @ApiPropertyOptional({ example: 'wto-experts', description: 'Shared inbox whose members claim the task (instead of expertId).' })
  @ValidateIf((o: IssueAreaDto) => o.candidateGroup !== undefined)
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN)
  @MutuallyExclusiveWith('expertId')
  @GroupRef()
  candidateGroup?: string;
}

export class SessionDto {
  @ApiProperty({ example: '2027-03-01T09:00:00Z', description: 'When the negotiation session opens (ISO 8601), in the future.' })
  @IsIsoDate()
  // A new round's session already past would be held the moment it starts.
  @IsFutureDate()
  date: string;

  @ApiProperty({ example: 'expert-tremblay', description: 'Expert who writes the debrief.' })
  @IsString()
  @Matches(ACTOR_ID_PATTERN)
  @PersonRef({ role: 'expert' })
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
  @PersonRef({ role: 'coordinator' })
  mandateApproverIds: string[];

  @ApiProperty({ type: [SessionDto], description: 'Negotiation sessions, each followed by a debrief task.' })
  @IsArray()
  @ArrayMaxSize(50)
  @EachNested(() => SessionDto)
  sessions: SessionDto[];
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const wtoRoundLaunch: KindLaunch<LaunchWtoRoundDto> = {
  dto: LaunchWtoRoundDto,
  toInput: (dto, header, config): WtoRoundInput => ({
    ...header,
    kind: 'wto-round',
    issueAreas: dto.issueAreas.map(({ area, expertId, candidateGroup }) => ({ area, expertId, candidateGroup })),
    mandateApproverIds: dto.mandateApproverIds,
    sessions: dto.sessions.map(({ date, leadExpertId }) => ({ date: new Date(date).toISOString(), leadExpertId })),
    timing: {
      federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs,
      taskDueMs: config.durations.taskDueMs,
      taskReminderBeforeMs: config.durations.taskReminderBeforeMs,
    },
  }),
  keyDates: (dto) => dto.sessions.map(({ date }) => new Date(date).toISOString()),
};
