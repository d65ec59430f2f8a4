import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import { IsActorId, IsActorIdList, IsIsoDate, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { EXCHANGE_THEMES, type ExchangeTheme, type PartnerRegionsExchangeInput } from './partner-regions-exchange.contract';

export class LaunchPartnerRegionsExchangeDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['partner-regions-exchange'] })
  @IsIn(['partner-regions-exchange'])
  kind: 'partner-regions-exchange';

  @ApiProperty({
    enum: EXCHANGE_THEMES,
    isArray: true,
    example: ['educational', 'environmental'],
    description: 'Themes the call is open to.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EXCHANGE_THEMES.length)
  @ArrayUnique()
  @IsIn(EXCHANGE_THEMES, { each: true })
  themes: ExchangeTheme[];

  @ApiProperty({ example: '2027-03-31T23:59:00Z', description: 'When the call closes to proposals (it can be moved).' })
  @IsIsoDate()
  closesAt: string;

  @ApiProperty({ example: 'expert-caron', description: 'Who screens each proposal’s eligibility.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  screenerId: string;

  @ApiProperty({ example: ['dm-international'], description: 'The selection committee: any one of them decides a proposal.' })
  @IsActorIdList(1, 20)
  @PersonRef({ role: 'coordinator' })
  selectionCommitteeIds: string[];

  @ApiProperty({
    example: 2,
    minimum: 1,
    maximum: 10,
    description: 'Years a funded project runs, a progress report each (EXCHANGE_PROJECT_YEAR).',
  })
  @IsInt()
  @Min(1)
  @Max(10)
  projectYears: number;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const exchangeProjectYear = durationSetting(
  'EXCHANGE_PROJECT_YEAR',
  '365 days',
  'Partner Regions exchanges: one year of a funded project (a progress report at its end).',
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const partnerRegionsExchangeLaunch: KindLaunch<LaunchPartnerRegionsExchangeDto> = {
  dto: LaunchPartnerRegionsExchangeDto,
  toInput: (dto, header, config): PartnerRegionsExchangeInput => ({
    ...header,
    kind: 'partner-regions-exchange',
    themes: dto.themes,
    closesAt: isoDate(dto.closesAt),
    screenerId: dto.screenerId,
    selectionCommitteeIds: dto.selectionCommitteeIds,
    projectYears: dto.projectYears,
    timing: { ...taskTiming(config), projectYearMs: exchangeProjectYear.read(config), cyclesPerRun: config.cyclesPerRun },
  }),
  keyDates: (dto) => [dto.closesAt],
};
