import ms from 'ms';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Parses `10s`, `2 days`, `1500` (milliseconds) into milliseconds; undefined when it is not a duration. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : ms(trimmed as ms.StringValue);
  return typeof parsed === 'number' && Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

export function IsDuration(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDuration',
      validator: {
        validate: (value) => parseDuration(value) !== undefined,
        defaultMessage: (args) => `${args?.property} must be a duration such as "30s", "2 days" or a number of milliseconds`,
      },
    },
    options,
  );
}
