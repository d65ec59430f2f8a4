import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '../../libs/contracts/src';
import { durationSetting } from '../../libs/config/src';
import { GroupRef, IsActorId, IsAfterStart, IsIsoDate, IsSlug, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { type InternPlacementInput } from './intern-placement.contract';

export class LaunchInternPlacementDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['intern-placement'] })
  @IsIn(['intern-placement'])
  kind: 'intern-placement';

  @ApiProperty({ example: 'intern-2027-042', description: 'The applicant (identifier).' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  internId: string;

  @ApiProperty({ example: 'intern-office', description: 'Role that screens eligibility: any member takes the task.' })
  @IsSlug()
  @GroupRef()
  screeningGroup: string;

  @ApiProperty({ example: ['visa', 'insurance', 'briefing'], description: 'Pre-departure steps, one task each for the intern.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(BUSINESS_KEY_PATTERN, { each: true })
  preDeparture: string[];

  @ApiProperty({ example: '2027-09-01T00:00:00Z' })
  @IsIsoDate()
  placementStartsAt: string;

  @ApiProperty({ example: '2028-02-28T00:00:00Z', description: 'End of the placement; the mid-term report falls half-way.' })
  @IsIsoDate()
  @IsAfterStart('placementStartsAt')
  placementEndsAt: string;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const offerDeadline = durationSetting(
  'INTERN_OFFER_DEADLINE',
  '14 days',
  "Intern placement: how long the intern has to answer an organization's offer.",
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const internPlacementLaunch: KindLaunch<LaunchInternPlacementDto> = {
  dto: LaunchInternPlacementDto,
  toInput: (dto, header, config): InternPlacementInput => ({
    ...header,
    kind: 'intern-placement',
    internId: dto.internId,
    screeningGroup: dto.screeningGroup,
    preDeparture: dto.preDeparture,
    placementStartsAt: isoDate(dto.placementStartsAt),
    placementEndsAt: isoDate(dto.placementEndsAt),
    timing: { ...taskTiming(config), offerDeadlineMs: offerDeadline.read(config) },
  }),
};
