import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/** A reference code (country, federated state, office, forum): upper-case letters, digits and dashes, 2 to 16 characters. */
export const CODE_FORMAT = /^[A-Z0-9][A-Z0-9-]{1,15}$/;

/**
 * A field naming reference data by its code (`counterpartCode`, `countryCode`…).
 * Only its format is checked here; whether the code exists is the reference
 * data's own check.
 */
export const IsCodeFormat = () => applyDecorators(IsString(), Matches(CODE_FORMAT));
