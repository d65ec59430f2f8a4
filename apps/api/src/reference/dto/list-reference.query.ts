import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { PageQueryOf } from '../../common/page.query';

export const RETIRED_FILTERS = ['false', 'true', 'all'] as const;

/** The reference lists' filters; each list reads the ones it has (pickers ask for up to 500 at once). */
export class ListReferenceQuery extends PageQueryOf(50, 500) {
  @ApiPropertyOptional({ description: 'Part of the code or of the French or English name, any case', example: 'banque' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'Only entries of this type', example: 'organization' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(40)
  type?: string;

  @ApiPropertyOptional({ description: 'Countries: the states of this country; offices: the offices in it', example: 'us' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(40)
  countryCode?: string;

  @ApiPropertyOptional({ description: 'Offices: planned, open or closed', example: 'open' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({
    enum: RETIRED_FILTERS,
    default: 'false',
    description: 'Retired entries: hidden (false), only them (true), or all',
  })
  @IsOptional()
  @IsIn(RETIRED_FILTERS)
  retired: (typeof RETIRED_FILTERS)[number] = 'false';
}
