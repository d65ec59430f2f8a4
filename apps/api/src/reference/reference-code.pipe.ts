import type { PipeTransform } from '@nestjs/common';
import { BUSINESS_KEY_PATTERN } from '@lib/contracts';
import { SLUG_MAX_LENGTH } from '@lib/validation';
import { DomainError } from '../common/domain-error';

/** `/reference/<list>/:code`: a well-formed code, else a 400 naming `code`. */
export const referenceCodePipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!BUSINESS_KEY_PATTERN.test(value) || value.length > SLUG_MAX_LENGTH) {
      throw new DomainError('validation-failed', 'error.validation', {}, [{ field: 'code', constraint: 'matches' }]);
    }
    return value;
  },
};
