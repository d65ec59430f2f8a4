import { ApiProperty } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '../../contracts/src';
import { IsWithinCentury } from './is-within-century.validator';
import { ACTOR_ID_PATTERN, SLUG_MAX_LENGTH } from './identifiers';

/**
 * Text a person must write (a title, a reason, a summary): not empty, and not
 * only spaces, tabs or line breaks. Said as "must not be empty".
 */
export const IsNotBlank = () =>
  ValidateBy({
    name: 'isNotEmpty',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null && value !== '',
    },
  });

/** A person or organization identifier (never a name: it may reach search attributes). */
export const IsActorId = () => applyDecorators(IsString(), Matches(ACTOR_ID_PATTERN));

/** A lower-case code such as `procurement` or `world-bank`. */
export const IsSlug = () => applyDecorators(IsString(), Matches(BUSINESS_KEY_PATTERN), MaxLength(SLUG_MAX_LENGTH));

/** A list of distinct identifiers. */
export const IsActorIdList = (min: number, max: number) =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(ACTOR_ID_PATTERN, { each: true }),
  );

/** An ISO 8601 date within a century of today: the workflows check the same (their timers cannot wait longer). */
export const IsIsoDate = () => applyDecorators(IsDateString({ strict: true }), IsWithinCentury());

/** The base of events addressed to one participation by its kind's business key. */
export class EventByBusinessKeyDto {
  @ApiProperty({ example: 'ceta-2027' })
  @IsSlug()
  businessKey: string;
}
