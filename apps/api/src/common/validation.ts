import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { UNKNOWN_REFERENCE_CODE } from '@lib/validation';
import { DomainError, type FieldProblem } from './domain-error';

/**
 * What a person fixes first, and so is said first: a missing value, then a
 * wrong type, then a wrong format (every rule not listed), then bounds.
 */
const REQUIRED = ['isDefined', 'isNotEmpty'];
const WRONG_TYPE = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nested', 'isStringRecord', 'maxDepth'];
const BOUNDS = [
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'isWithinCentury',
  'isFutureDate',
  'isAfterStart',
  'isNotBeforeStart',
  // Last: whether a well-formed code is in its reference list (a value the field's own rules refuse is said so first).
  'isForumCode',
  'isCountryCode',
  'isOfficeCode',
  'isCounterpartCode',
];

function precedence(constraint: string): number {
  if (REQUIRED.includes(constraint)) return 0;
  if (WRONG_TYPE.includes(constraint)) return 1;
  return BOUNDS.includes(constraint) ? 3 : 2;
}

/**
 * Flattens class-validator's nested errors into `field.path` + constraint
 * pairs, one per field: class-validator checks every rule of a field, so a
 * missing list fails five of them ("must be a list", "at least one element"…)
 * where a person needs one message: it is required.
 */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const constraints = Object.keys(error.constraints ?? {});
    if (constraints.length === 0) return fieldProblems(error.children ?? [], field);
    // A field the body should not carry is said so, whatever its value.
    if (constraints.includes('whitelistValidation')) return [{ field, constraint: 'whitelistValidation', params: {} }];
    if (error.value === undefined || error.value === null) return [{ field, constraint: 'isDefined', params: {} }];
    const [first] = [...constraints].sort((a, b) => precedence(a) - precedence(b));
    const own = { field, constraint: first, params: constraintParams(error, first) };
    // A list of the right type may still hold wrong items: those are fields of their own.
    return [own, ...(precedence(first) >= 2 ? fieldProblems(error.children ?? [], field) : [])];
  });
}

/** `parent.name`; an empty property name is shown as `""`, so that every problem names something. */
export function fieldPath(parent: string, name: string): string {
  const shown = name === '' ? '""' : name;
  return parent ? `${parent}.${shown}` : shown;
}

function constraintParams(error: ValidationError, constraint: string): Record<string, string> {
  // class-validator's own English message carries the accepted values of isIn; keep them for the translation.
  const message = error.constraints?.[constraint] ?? '';
  // A reference code's message names the code that is not in the list (libs/validation/src/reference-code.ts).
  if (message.startsWith(UNKNOWN_REFERENCE_CODE)) return { value: message.slice(UNKNOWN_REFERENCE_CODE.length) };
  const values = /following values: (.*)$/.exec(message)?.[1] ?? '';
  const other = /and (\w+) cannot both be given$/.exec(message)?.[1] ?? '';
  return other ? { values, other } : { values };
}

export function validationFailed(errors: ValidationError[]): DomainError {
  return new DomainError('validation-failed', 'error.validation', {}, fieldProblems(errors));
}

/**
 * `__proto__`, `constructor`, `toString`…: JSON.parse makes them own keys of a
 * body, and class-validator, which knows no such field, lets them pass unseen.
 * No field of ours has such a name.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The top-level keys of a body or query named after Object.prototype's
 * members. Only the top level: deeper, free-form records (a deliverable's
 * fields, an event's data) may hold any key, stored literally.
 */
export function prototypeKeys(root: unknown): FieldProblem[] {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return [];
  return Object.keys(root)
    .filter((key) => PROTOTYPE_NAMES.has(key))
    .map((field) => ({ field, constraint: 'whitelistValidation', params: {} }));
}

/**
 * Strict validation: unknown fields are refused, not silently dropped, those
 * named like Object.prototype's members included.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const extra = metadata.type === 'body' || metadata.type === 'query' ? prototypeKeys(value) : [];
    let validated: unknown;
    try {
      validated = await super.transform(value, metadata);
    } catch (err) {
      if (!(err instanceof DomainError) || extra.length === 0) throw err;
      const said = new Set(err.fields.map((f) => f.field));
      throw new DomainError(err.code, err.messageKey, err.params, [...err.fields, ...extra.filter((e) => !said.has(e.field))]);
    }
    if (extra.length > 0) throw new DomainError('validation-failed', 'error.validation', {}, extra);
    return validated;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationFailed(errors),
  });
}
