import type { PipeTransform } from '@nestjs/common';
import { ACTOR_ID_PATTERN, BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { DomainError } from '../common/domain-error';

/** A path segment checked against `pattern`: anything else is a 400 naming the field. */
function patternPipe(field: string, pattern: RegExp): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!pattern.test(value) || value.length > 80) {
        throw new DomainError('validation-failed', 'error.validation', {}, [{ field, constraint: 'matches' }]);
      }
      return value;
    },
  };
}

/** `/people/:id`: a person's identifier. */
export const personIdPipe = patternPipe('id', ACTOR_ID_PATTERN);
/** `/groups/:code`: a group's code. */
export const groupCodePipe = patternPipe('code', BUSINESS_KEY_PATTERN);
