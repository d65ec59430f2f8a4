import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { PUBLISHED_TYPE_PREFIX } from '@lib/contracts';
import { PARTICIPATION_KINDS, PUBLISHED_EVENTS } from '@workflows/registry-lookups';

/** Every published CloudEvent type, with its prefix. */
export const PUBLISHED_TYPES = PUBLISHED_EVENTS.map((entry) => `${PUBLISHED_TYPE_PREFIX}${entry.type}`);

/** A webhook subscription as an admin creates it; empty or absent filters let everything through. */
export class CreateSubscriptionDto {
  @ApiProperty({ example: 'https://ged.example.org/hooks/participations' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  url: string;

  @ApiPropertyOptional({ enum: PUBLISHED_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(PUBLISHED_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ enum: PARTICIPATION_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(PARTICIPATION_KINDS, { each: true })
  kinds?: string[];

  @ApiPropertyOptional({ example: ['wto'], description: 'Forum codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { each: true })
  forums?: string[];

  @ApiPropertyOptional({
    description:
      'Standard Webhooks secret, whsec_ then base64 of 24 to 64 random bytes; generated when absent (shown once, in the answer).',
  })
  @IsOptional()
  @IsString()
  @Matches(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/)
  secret?: string;

  @ApiPropertyOptional({ default: false, description: 'Send the free text the payload codec protects (notes, deliverables) too.' })
  @IsOptional()
  @IsBoolean()
  includeProtected?: boolean;
}
