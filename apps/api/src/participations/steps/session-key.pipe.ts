import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';

const SESSION_KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Session keys are short codes (`m1`, `executive-board-2`); anything else is a 400 naming the field. */
export const sessionKeyPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!SESSION_KEY.test(value)) {
      throw new DomainError('validation-failed', 'error.validation', {}, [{ field: 'sessionKey', constraint: 'matches' }]);
    }
    return value;
  },
};
