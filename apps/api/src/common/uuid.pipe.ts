import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Path ids are UUIDs; anything else is a 400 that names the `id` field. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('validation-failed', 'error.validation', {}, [{ field: 'id', constraint: 'isUUID' }]),
});
