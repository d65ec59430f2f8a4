import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Matches, Min } from 'class-validator';
import { EachNested } from '../../common/each-nested.decorator';
import { AtMostTargets, IsFutureDate } from '../../common/relative-validators';
import { IsActorId, IsIsoDate, IsSlug } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

export class RatificationTargetDto {
  @ApiProperty({ example: 'br', description: 'ISO 3166-1 alpha-2 country code, lower case.' })
  @Matches(/^[a-z]{2}$/)
  country: string;

  @ApiProperty({ example: 'liaison-roy', description: 'Who leads the outreach to the country.' })
  @IsActorId()
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
