import { DomainError } from './domain-error';

/**
 * A field may be left out, never sent as null: class-validator's @IsOptional (and the
 * mapped types of a change) let null through, and the columns it would reach refuse it.
 * `nullable` names the fields whose null means "none" (a column that may be empty).
 * Found by the fuzz suite (`POST /people` with `language: null` answered 500).
 */
export function refuseNulls(body: object, nullable: readonly string[] = []): void {
  const fields = Object.entries(body)
    .filter(([field, value]) => value === null && !nullable.includes(field))
    .map(([field]) => ({ field, constraint: 'isDefined', params: {} }));
  if (fields.length > 0) throw new DomainError('validation-failed', 'error.validation', {}, fields);
}
