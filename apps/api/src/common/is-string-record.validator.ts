import { ValidateBy, type ValidationOptions } from 'class-validator';

const MAX_ENTRIES = 50;
const MAX_KEY_LENGTH = 100;
const MAX_VALUE_LENGTH = 4000;

/** A flat object of text values, as structured deliverable fields are: nothing nested, nothing unbounded. */
export function IsStringRecord(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringRecord',
      validator: {
        validate: (value: unknown) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_ENTRIES &&
            entries.every(([key, text]) => key.length <= MAX_KEY_LENGTH && typeof text === 'string' && text.length <= MAX_VALUE_LENGTH)
          );
        },
        defaultMessage: (args) => `${args?.property} must be an object of at most ${MAX_ENTRIES} text values`,
      },
    },
    options,
  );
}
