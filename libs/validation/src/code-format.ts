import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/**
 * A reference code (country, federated state, office, forum) as the reference
 * lists spell them (GET /reference/…): lower-case letters, digits and dashes,
 * 2 to 16 characters, e.g. `mx-jal`, `dakar`.
 */
export const CODE_FORMAT = /^[a-z0-9][a-z0-9-]{1,15}$/;

/**
 * A field naming reference data by its code (`counterpartCode`, `countryCode`…).
 * Only its format is checked here; whether the code is in its list is
 * @ReferenceCode's check, which follows it on each such field.
 */
export const IsCodeFormat = () => applyDecorators(IsString(), Matches(CODE_FORMAT));
