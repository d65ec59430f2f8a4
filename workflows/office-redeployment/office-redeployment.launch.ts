import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import {
  EachNested,
  IsActorId,
  IsActorIdList,
  IsCodeFormat,
  ReferenceCode,
  IsIsoDate,
  IsNotBlank,
  IsSlug,
  LaunchHeaderDto,
  PersonRef,
} from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { OFFICE_ACTIONS, type OfficeAction, type OfficeRedeploymentInput } from './office-redeployment.contract';

const AREAS = ['premises', 'staffing'] as const;

export class PreparationStepDto {
  @ApiProperty({ example: 'lease', description: 'Step code (lower-case).' })
  @IsSlug()
  code: string;

  @ApiProperty({ enum: AREAS })
  @IsIn(AREAS)
  area: (typeof AREAS)[number];

  @ApiProperty({ example: 'expert-morin', description: 'Who carries it out.' })
  @IsActorId()
  @PersonRef()
  ownerId: string;
}

export class LaunchOfficeRedeploymentDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['office-redeployment'] })
  @IsIn(['office-redeployment'])
  kind: 'office-redeployment';

  @ApiProperty({ enum: OFFICE_ACTIONS, description: 'Open, upgrade, move or close the office.' })
  @IsIn(OFFICE_ACTIONS)
  action: OfficeAction;

  @ApiProperty({ example: 'dakar', description: 'The office, from GET /reference/offices (a new one is listed there first, as planned).' })
  @IsCodeFormat()
  @ReferenceCode('offices')
  officeCode: string;

  @ApiProperty({ example: 'sn', description: 'Host country, from GET /reference/countries.' })
  @IsCodeFormat()
  @ReferenceCode('countries')
  countryCode: string;

  @ApiProperty({ example: 'Marché prioritaire du plan ; liens avec l’État du Nuevo León.', description: 'Why.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  rationale: string;

  @ApiProperty({ example: 850000, minimum: 0, description: 'Estimated yearly cost, in Canadian dollars.' })
  @IsInt()
  @Min(0)
  estimatedCost: number;

  @ApiProperty({ example: 'analyst-fortin', description: 'Who analyses the proposal.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  analystId: string;

  @ApiProperty({ example: ['dm-international'], description: 'Who takes the government’s decision.' })
  @IsActorIdList(1, 20)
  @PersonRef({ role: 'coordinator' })
  decisionApproverIds: string[];

  @ApiProperty({ type: [PreparationStepDto], description: 'Premises and staffing tasks before the effective date.' })
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique((s: PreparationStepDto) => s?.code)
  @EachNested(() => PreparationStepDto)
  preparations: PreparationStepDto[];

  @ApiProperty({ example: '2028-01-15T00:00:00Z', description: 'The opening, move or closing date (it can be moved).' })
  @IsIsoDate()
  effectiveDate: string;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const officeReviewDelay = durationSetting(
  'OFFICE_REVIEW_DELAY',
  '365 days',
  'Office redeployment: time from the effective date to the review.',
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const officeRedeploymentLaunch: KindLaunch<LaunchOfficeRedeploymentDto> = {
  dto: LaunchOfficeRedeploymentDto,
  toInput: (dto, header, config): OfficeRedeploymentInput => ({
    ...header,
    kind: 'office-redeployment',
    action: dto.action,
    officeCode: dto.officeCode,
    countryCode: dto.countryCode,
    rationale: dto.rationale,
    estimatedCost: dto.estimatedCost,
    analystId: dto.analystId,
    decisionApproverIds: dto.decisionApproverIds,
    preparations: dto.preparations.map(({ code, area, ownerId }) => ({ code, area, ownerId })),
    effectiveDate: isoDate(dto.effectiveDate),
    timing: {
      ...taskTiming(config),
      federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs,
      reviewDelayMs: officeReviewDelay.read(config),
    },
  }),
  keyDates: (dto) => [dto.effectiveDate],
};
