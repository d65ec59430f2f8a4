import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

/** A delivery id is a positive whole number (a bigint's text); anything else is a 400 naming `id`. */
export const deliveryIdPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[1-9][0-9]{0,17}$/.test(value))
      throw new DomainError('validation-failed', 'error.validation', {}, [{ field: 'id', constraint: 'isInt' }]);
    return value;
  },
};
