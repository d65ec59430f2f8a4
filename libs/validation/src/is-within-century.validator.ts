import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isReasonableDate } from '../../contracts/src';

/** A date within a century of now, as the workflow's own input check requires (its timers cannot wait longer). */
export function IsWithinCentury(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWithinCentury',
      validator: {
        validate: (value) => isReasonableDate(value, Date.now()),
        defaultMessage: (args) => `${args?.property} must be within a hundred years of today`,
      },
    },
    options,
  );
}
