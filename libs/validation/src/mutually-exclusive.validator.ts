import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Fails when this property and `other` are both given: a choice of one or the other. */
export function MutuallyExclusiveWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'mutuallyExclusive',
      constraints: [other],
      validator: {
        validate: (value, args) => value === undefined || (args?.object as Record<string, unknown>)[other] === undefined,
        defaultMessage: (args) => `${args?.property} and ${other} cannot both be given`,
      },
    },
    options,
  );
}
