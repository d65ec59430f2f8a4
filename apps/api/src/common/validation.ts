import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from './domain-error';

/** Flattens class-validator's nested errors into `field.path` + constraint name pairs. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      constraint,
      params: constraintParams(error, constraint),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
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
  const values = /following values: (.*)$/.exec(message)?.[1] ?? '';
  const other = /and (\w+) cannot both be given$/.exec(message)?.[1] ?? '';
  return other ? { values, other } : { values };
}

export function validationFailed(errors: ValidationError[]): DomainError {
  return new DomainError('validation-failed', 'error.validation', {}, fieldProblems(errors));
}

/** Strict validation: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationFailed(errors),
  });
}
