import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import {
  EachNested,
  IsActorId,
  IsActorIdList,
  IsCodeFormat,
  ReferenceCode,
  IsIsoDate,
  IsSlug,
  LaunchHeaderDto,
  PersonRef,
} from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
// The agreement a mission may start is that kind's to describe: its code, workflow type and durations.
import { AGREEMENT_START } from '../international-agreement/international-agreement.contract';
import { agreementTiming } from '../international-agreement/international-agreement.launch';
import { MISSION_DIRECTIONS, type BilateralMissionInput, type MissionDirection } from './bilateral-mission.contract';

/** Follow-up reports of an agreement a mission starts, in its first term. */
const AGREEMENT_FOLLOW_UP_REPORTS = 3;

export class MissionMeetingDto {
  @ApiProperty({ example: 'governor', description: 'Meeting code (lower-case).' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'expert-diaz', description: 'Who writes the meeting’s briefing note.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  briefingAuthorId: string;
}

export class FollowUpActionDto {
  @ApiProperty({ example: 'trade-office-visit', description: 'Action code (lower-case).' })
  @IsSlug()
  action: string;

  @ApiProperty({ example: 'expert-morin', description: 'Who carries it out.' })
  @IsActorId()
  @PersonRef()
  ownerId: string;

  @ApiProperty({ example: '2027-07-15T00:00:00Z', description: 'When it is due.' })
  @IsIsoDate()
  dueAt: string;
}

export class LaunchBilateralMissionDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['bilateral-mission'] })
  @IsIn(['bilateral-mission'])
  kind: 'bilateral-mission';

  @ApiProperty({ enum: MISSION_DIRECTIONS, description: 'outgoing: a mission to the partner; incoming: a visit from it.' })
  @IsIn(MISSION_DIRECTIONS)
  direction: MissionDirection;

  @ApiProperty({ example: 'mx', description: 'Country, from GET /reference/countries.' })
  @IsCodeFormat()
  @ReferenceCode('countries')
  countryCode: string;

  @ApiProperty({ example: 'mx-jal', description: 'Federated state or region, from GET /reference/countries.' })
  @IsCodeFormat()
  @ReferenceCode('countries')
  federatedStateCode: string;

  @ApiProperty({ example: ['coord-lavoie', 'expert-diaz'], description: 'The delegation: people of the directory.' })
  @IsActorIdList(1, 30)
  @PersonRef()
  delegationIds: string[];

  @ApiProperty({ type: [MissionMeetingDto], description: 'The meetings, each with its briefing note.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique((m: MissionMeetingDto) => m?.code)
  @EachNested(() => MissionMeetingDto)
  meetings: MissionMeetingDto[];

  @ApiProperty({ example: '2027-05-12T13:00:00Z', description: 'When the mission starts (it can be moved).' })
  @IsIsoDate()
  missionDate: string;

  @ApiProperty({ type: [FollowUpActionDto], description: 'Follow-up actions after the mission, each with its owner and due date.' })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique((a: FollowUpActionDto) => a?.action)
  @EachNested(() => FollowUpActionDto)
  followUpActions: FollowUpActionDto[];
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const bilateralMissionLaunch: KindLaunch<LaunchBilateralMissionDto> = {
  dto: LaunchBilateralMissionDto,
  toInput: (dto, header, config): BilateralMissionInput => ({
    ...header,
    kind: 'bilateral-mission',
    direction: dto.direction,
    countryCode: dto.countryCode,
    federatedStateCode: dto.federatedStateCode,
    delegationIds: dto.delegationIds,
    meetings: dto.meetings.map(({ code, briefingAuthorId }) => ({ code, briefingAuthorId })),
    missionDate: isoDate(dto.missionDate),
    followUpActions: dto.followUpActions.map(({ action, ownerId, dueAt }) => ({ action, ownerId, dueAt: isoDate(dueAt) })),
    agreement: { ...AGREEMENT_START, timing: { ...agreementTiming(config) }, followUpReports: AGREEMENT_FOLLOW_UP_REPORTS },
    timing: { ...taskTiming(config), federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs },
  }),
  keyDates: (dto) => [dto.missionDate],
};
