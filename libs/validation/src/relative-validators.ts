import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/*
 * Validators that compare a field with the clock or with another field. Their
 * names are the i18n keys' suffixes (`validation.<name>`).
 */

/** An ISO date strictly in the future. */
export function IsFutureDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isFutureDate', validator: { validate: (value) => typeof value === 'string' && Date.parse(value) > Date.now() } },
    options,
  );
}

/** An ISO date after the date in `startField`. */
export function IsAfterStart(startField: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAfterStart',
      validator: {
        validate: (value, args?: ValidationArguments) => {
          const start = (args?.object as Record<string, unknown>)[startField];
          return typeof value !== 'string' || typeof start !== 'string' || Date.parse(value) > Date.parse(start);
        },
      },
    },
    options,
  );
}

/** An ISO date on or after the date in `startField` (a range whose two ends may be the same day). */
export function IsNotBeforeStart(startField: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBeforeStart',
      validator: {
        validate: (value, args?: ValidationArguments) => {
          const start = (args?.object as Record<string, unknown>)[startField];
          return typeof value !== 'string' || typeof start !== 'string' || Date.parse(value) >= Date.parse(start);
        },
      },
    },
    options,
  );
}
