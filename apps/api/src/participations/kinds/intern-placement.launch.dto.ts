import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { IsAfterStart } from '../../common/relative-validators';
import { IsActorId, IsIsoDate, IsSlug } from '../dto/field-decorators';
import { LaunchHeaderDto } from './launch-header.dto';

export class LaunchInternPlacementDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['intern-placement'] })
  @IsIn(['intern-placement'])
  kind: 'intern-placement';

  @ApiProperty({ example: 'intern-2027-042', description: 'The applicant (identifier).' })
  @IsActorId()
  internId: string;

  @ApiProperty({ example: 'intern-office', description: 'Role that screens eligibility: any member takes the task.' })
  @IsSlug()
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
