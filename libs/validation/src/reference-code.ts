import { applyDecorators, Inject, Injectable, Optional } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { BUSINESS_KEY_PATTERN } from '../../contracts/src';

/** The reference lists a field may name (tables of the same names). */
export const REFERENCE_LISTS = ['forums', 'countries', 'offices'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

/** Reads the reference tables: the API provides it (apps/api/src/reference). */
export interface ReferenceCodeLookup {
  /** Whether every code is in the list and not retired. */
  allActive(list: ReferenceList, codes: readonly string[]): Promise<boolean>;
}

export const REFERENCE_CODE_LOOKUP = Symbol('reference-code-lookup');

/** Each list's constraint name, which is also its message key (`validation.isForumCode`). */
export const REFERENCE_CONSTRAINTS = {
  forums: 'isForumCode',
  countries: 'isCountryCode',
  offices: 'isOfficeCode',
} as const satisfies Record<ReferenceList, string>;

/** What the constraint says in English; the API reads the value back from it for its translated message. */
export const UNKNOWN_REFERENCE_CODE = 'unknown reference code: ';

/** The OpenAPI extension naming a field's reference list, which the console's pickers read. */
const REFERENCE_EXTENSION: `x-${string}` = 'x-reference';

const wellFormed = (value: unknown): value is string => typeof value === 'string' && BUSINESS_KEY_PATTERN.test(value);

/**
 * Checks a code (or a list of codes) against its reference table, through the
 * lookup Nest injects (class-validator's container is Nest's, configureApp).
 * A value that is not a well-formed code is left to the field's other rules,
 * so that a person reads one message per field, and no query is made for it.
 */
abstract class ReferenceCodeConstraint implements ValidatorConstraintInterface {
  protected abstract readonly list: ReferenceList;

  constructor(private readonly lookup?: ReferenceCodeLookup) {}

  /** The list this value is checked against; one list per constraint, but for a counterpart's. */
  protected listFor(_args: ValidationArguments): ReferenceList {
    return this.list;
  }

  async validate(value: unknown, args: ValidationArguments): Promise<boolean> {
    const codes = (Array.isArray(value) ? value : [value]).filter(wellFormed);
    if (codes.length === 0) return true;
    if (!this.lookup) throw new Error('@ReferenceCode needs the reference lookup: class-validator must use the Nest container');
    return this.lookup.allActive(this.listFor(args), codes);
  }

  defaultMessage(args: ValidationArguments): string {
    const value: unknown = args.value;
    return `${UNKNOWN_REFERENCE_CODE}${Array.isArray(value) ? value.join(', ') : String(value)}`;
  }
}

// One constraint per list: class-validator names a failure after its constraint, and each list has its own message.
@Injectable()
@ValidatorConstraint({ name: REFERENCE_CONSTRAINTS.forums, async: true })
export class ForumCodeConstraint extends ReferenceCodeConstraint {
  protected readonly list = 'forums';
  constructor(@Optional() @Inject(REFERENCE_CODE_LOOKUP) lookup?: ReferenceCodeLookup) {
    super(lookup);
  }
}

@Injectable()
@ValidatorConstraint({ name: REFERENCE_CONSTRAINTS.countries, async: true })
export class CountryCodeConstraint extends ReferenceCodeConstraint {
  protected readonly list = 'countries';
  constructor(@Optional() @Inject(REFERENCE_CODE_LOOKUP) lookup?: ReferenceCodeLookup) {
    super(lookup);
  }
}

@Injectable()
@ValidatorConstraint({ name: REFERENCE_CONSTRAINTS.offices, async: true })
export class OfficeCodeConstraint extends ReferenceCodeConstraint {
  protected readonly list = 'offices';
  constructor(@Optional() @Inject(REFERENCE_CODE_LOOKUP) lookup?: ReferenceCodeLookup) {
    super(lookup);
  }
}

/**
 * An agreement's counterpart: a foreign or federated state (the countries list)
 * or an international organization (the forums list), as its `counterpartType` says.
 */
@Injectable()
@ValidatorConstraint({ name: 'isCounterpartCode', async: true })
export class CounterpartCodeConstraint extends ReferenceCodeConstraint {
  protected readonly list = 'countries';
  constructor(@Optional() @Inject(REFERENCE_CODE_LOOKUP) lookup?: ReferenceCodeLookup) {
    super(lookup);
  }

  protected override listFor(args: ValidationArguments): ReferenceList {
    return (args.object as { counterpartType?: unknown }).counterpartType === 'international-organization' ? 'forums' : 'countries';
  }
}

/** The constraints Nest must provide (with a REFERENCE_CODE_LOOKUP) for @ReferenceCode to check anything. */
export const REFERENCE_CODE_CONSTRAINTS = [ForumCodeConstraint, CountryCodeConstraint, OfficeCodeConstraint, CounterpartCodeConstraint];

/** A counterpart's code, in the list its type names (400 `isCounterpartCode` otherwise); the console offers countries. */
export function CounterpartCode(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(Validate(CounterpartCodeConstraint, options), ApiProperty({ [REFERENCE_EXTENSION]: 'countries' }));
}

const CONSTRAINT_OF = { forums: ForumCodeConstraint, countries: CountryCodeConstraint, offices: OfficeCodeConstraint };

/**
 * The field (a code, or a list of codes) names an entry of a reference list
 * that is not retired: 400 naming the field otherwise (`isForumCode`,
 * `isCountryCode`, `isOfficeCode`, one message for the field). Its schema says
 * `x-reference: <list>`, so the console offers a picker fed by the list.
 */
export function ReferenceCode(list: ReferenceList, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(Validate(CONSTRAINT_OF[list], options), ApiProperty({ [REFERENCE_EXTENSION]: list }));
}
