import { ValidateBy, type ValidationOptions } from 'class-validator';

/** True for an IANA time zone the runtime knows (`America/Toronto`, `UTC`). */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value) => isTimeZone(value),
        defaultMessage: (args) => `${args?.property} must be an IANA time zone such as "America/Toronto"`,
      },
    },
    options,
  );
}
