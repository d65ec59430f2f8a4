import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { PERSON_ROLES, type PersonRole } from '@lib/validation';
import { PageQuery } from '../../common/page.query';

const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : (Array.isArray(value) ? (value as unknown[]) : `${value as string}`.split(',')).map((v) => `${v as string}`.trim());

export const PERSON_STATUSES = ['active', 'inactive', 'all'] as const;

export class ListPeopleQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or of the identifier, any case', example: 'tremb' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'One or more roles, comma-separated: people holding any of them', example: 'expert' })
  @IsOptional()
  @Transform(toList)
  @IsIn(PERSON_ROLES, { each: true })
  role?: PersonRole[];

  @ApiPropertyOptional({ description: 'Members of this group', example: 'wto-experts' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(80)
  group?: string;

  @ApiPropertyOptional({ description: 'People with this area of expertise', example: 'agriculture' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN)
  @MaxLength(80)
  expertise?: string;

  @ApiPropertyOptional({ enum: PERSON_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(PERSON_STATUSES)
  status: (typeof PERSON_STATUSES)[number] = 'active';
}
