import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { BUSINESS_KEY_PATTERN, LOCALES, type Locale } from '@lib/contracts';
import { GroupRef, IsActorId, PERSON_ROLES, type PersonRole, IsNotBlank } from '@lib/validation';

/*
 * What an admin may set on a person. The id never changes (tasks, tokens and
 * search attributes name it); `active` changes only through deactivate and
 * reactivate. A new person needs an id, a name and an e-mail address.
 */

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** A partner's organization must be written: said as "must not be empty", like any blank text. */
const PartnerOrganization = () =>
  ValidateBy({
    name: 'isNotEmpty',
    validator: {
      validate: (value: unknown, args) =>
        !asList((args?.object as AddPersonDto | undefined)?.roles).includes('partner') ||
        (typeof value === 'string' && value.trim() !== ''),
    },
  });

export class AddPersonDto {
  @ApiProperty({ example: 'expert-gagnon', description: 'Identifier (lower case, digits, . _ -): the token subject, never changed.' })
  @IsActorId()
  id: string;

  @ApiProperty({ example: 'Sophie Tremblay' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ example: 'sophie.tremblay@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of notifications and pages.' })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;

  @ApiPropertyOptional({ example: 'MAPAQ', description: 'Required for a partner: what they see is bounded by it.' })
  @ValidateIf((person: AddPersonDto) => person.organization !== undefined || asList(person.roles).includes('partner'))
  @IsString()
  @MaxLength(200)
  @PartnerOrganization()
  organization?: string;

  @ApiPropertyOptional({ enum: PERSON_ROLES, isArray: true, example: ['expert'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PERSON_ROLES.length)
  @ArrayUnique()
  @IsIn(PERSON_ROLES, { each: true })
  roles?: PersonRole[];

  @ApiPropertyOptional({ example: ['wto-experts'], description: 'Codes of active groups of the directory (GET /groups).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(BUSINESS_KEY_PATTERN, { each: true })
  @GroupRef({ needsMembers: false })
  groups?: string[];

  @ApiPropertyOptional({ example: ['agriculture'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(BUSINESS_KEY_PATTERN, { each: true })
  @MaxLength(80, { each: true })
  expertiseAreas?: string[];

  @ApiPropertyOptional({ example: ['fr', 'en'], description: 'Languages spoken (ISO 639 codes).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(LANGUAGE_CODE, { each: true })
  languages?: string[];
}

/** A change: any of the fields above but the id; the groups are checked as a new person's are. */
export class ChangePersonDto extends PartialType(OmitType(AddPersonDto, ['id'] as const)) {
  // Mapped types copy validation and OpenAPI metadata, not the directory's: the mark is set again here.
  @GroupRef({ needsMembers: false })
  declare groups?: string[];
}

/** A field that should be a list, as one (a caller may send anything; the field's own rules say what is wrong). */
function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
