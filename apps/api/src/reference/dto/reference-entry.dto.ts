import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank, IsSlug, ReferenceCode } from '@lib/validation';

export const FORUM_TYPES = ['forum', 'organization', 'program'] as const;
export const COUNTRY_TYPES = ['country', 'federated-state', 'region'] as const;
export const OFFICE_TYPES = ['general-delegation', 'delegation', 'office', 'trade-office'] as const;
export const OFFICE_STATUSES = ['planned', 'open', 'closed'] as const;

/** What every reference entry is given when added: its code (never changed) and its names. */
abstract class NewEntryDto {
  @ApiProperty({ example: 'wto', description: 'Stable code (lower-case slug) that launches and reports name; never changed.' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'Organisation mondiale du commerce (OMC)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameFr: string;

  @ApiProperty({ example: 'World Trade Organization (WTO)' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  nameEn: string;
}

export class NewForumDto extends NewEntryDto {
  @ApiProperty({ enum: FORUM_TYPES })
  @IsIn(FORUM_TYPES)
  type: (typeof FORUM_TYPES)[number];
}

export class NewCountryDto extends NewEntryDto {
  @ApiProperty({ enum: COUNTRY_TYPES })
  @IsIn(COUNTRY_TYPES)
  type: (typeof COUNTRY_TYPES)[number];

  @ApiPropertyOptional({ example: 'us', description: 'For a federated state or region: the country it belongs to.' })
  @IsOptional()
  @ReferenceCode('countries')
  @IsSlug()
  countryCode?: string;
}

export class NewOfficeDto extends NewEntryDto {
  @ApiProperty({ enum: OFFICE_TYPES })
  @IsIn(OFFICE_TYPES)
  type: (typeof OFFICE_TYPES)[number];

  @ApiProperty({ example: 'Boston' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'us' })
  @ReferenceCode('countries')
  @IsSlug()
  countryCode: string;

  @ApiProperty({ enum: OFFICE_STATUSES })
  @IsIn(OFFICE_STATUSES)
  status: (typeof OFFICE_STATUSES)[number];
}

// A change names only what changes; the code stays.
export class ForumChangeDto extends PartialType(OmitType(NewForumDto, ['code'])) {}
export class CountryChangeDto extends PartialType(OmitType(NewCountryDto, ['code'])) {}
export class OfficeChangeDto extends PartialType(OmitType(NewOfficeDto, ['code'])) {}
