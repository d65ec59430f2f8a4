import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Matches,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import {
  EachNested,
  IsActorId,
  IsFutureDate,
  IsIsoDate,
  IsSlug,
  LaunchHeaderDto,
  PersonRef,
  ReferenceCode,
} from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { type RatificationCampaignInput } from './ratification-campaign.contract';

/** A number no greater than the length of the list in `listField` (message `validation.atMostTargets`, in this kind's strings). */
function AtMostTargets(listField: string): PropertyDecorator {
  return ValidateBy({
    name: 'atMostTargets',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const list = (args?.object as Record<string, unknown>)[listField];
        return typeof value !== 'number' || !Array.isArray(list) || value <= list.length;
      },
    },
  });
}

export class RatificationTargetDto {
  @ApiProperty({ example: 'br', description: 'ISO 3166-1 alpha-2 country code, lower case.' })
  @Matches(/^[a-z]{2}$/)
  @ReferenceCode('countries')
  country: string;

  @ApiProperty({ example: 'liaison-roy', description: 'Who leads the outreach to the country.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  liaisonId: string;
}

export class LaunchRatificationCampaignDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['ratification-campaign'] })
  @IsIn(['ratification-campaign'])
  kind: 'ratification-campaign';

  @ApiProperty({ example: 'unesco-2005-diversity', description: 'The convention’s code.' })
  @IsSlug()
  convention: string;

  @ApiProperty({ type: [RatificationTargetDto], description: 'One child workflow per country.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique((t: RatificationTargetDto) => t?.country)
  @EachNested(() => RatificationTargetDto)
  targets: RatificationTargetDto[];

  @ApiProperty({ example: 5, description: 'Ratifications that end the campaign as a success (at most the number of targets).' })
  @IsInt()
  @Min(1)
  @AtMostTargets('targets')
  targetCount: number;

  @ApiProperty({ example: '2028-12-31T00:00:00Z', description: 'The campaign ends at this date whatever the count.' })
  @IsIsoDate()
  @IsFutureDate()
  endsAt: string;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const followUpInterval = durationSetting(
  'FOLLOW_UP_INTERVAL',
  '30 days',
  'Ratification campaign: time between two follow-ups with a country.',
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const ratificationCampaignLaunch: KindLaunch<LaunchRatificationCampaignDto> = {
  dto: LaunchRatificationCampaignDto,
  toInput: (dto, header, config): RatificationCampaignInput => ({
    ...header,
    kind: 'ratification-campaign',
    convention: dto.convention,
    targets: dto.targets.map(({ country, liaisonId }) => ({ country, liaisonId })),
    targetCount: dto.targetCount,
    endsAt: isoDate(dto.endsAt),
    timing: { ...taskTiming(config), followUpMs: followUpInterval.read(config) },
  }),
};
