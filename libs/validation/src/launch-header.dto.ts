import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '../../contracts/src';
import { PersonRef } from './directory-refs';
import { ReferenceCode } from './reference-code';
import { IsNotBlank } from './field-decorators';
import { ACTOR_ID_PATTERN, SLUG_MAX_LENGTH } from './identifiers';

/** Fields every launch body has, whatever its kind; each kind's DTO adds `kind` and its own. */
export abstract class LaunchHeaderDto {
  @ApiProperty({ example: 'ceta-2027', description: 'Unique key: the workflow id is <kind>/<key>.' })
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(SLUG_MAX_LENGTH)
  businessKey: string;

  @ApiProperty({ example: 'Négociation Canada–UE 2027' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'canada-eu', description: 'Forum or organization code from GET /reference/forums (shown in the Temporal UI).' })
  @IsString()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(SLUG_MAX_LENGTH)
  @ReferenceCode('forums')
  forum: string;

  @ApiPropertyOptional({
    example: 'coord-lavoie',
    description: 'Who coordinates it: the caller when absent; another coordinator only when an admin launches.',
  })
  @IsOptional()
  @IsString()
  @Matches(ACTOR_ID_PATTERN)
  @PersonRef({ role: 'coordinator' })
  coordinatorId?: string;
}
