import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from './domain-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * The caller's `Idempotency-Key` header, or undefined. A request retried with
 * the same key (after a timeout, a dropped connection, an API restart) takes
 * effect once and gets the first answer again.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new DomainError('validation-failed', 'error.validation', {}, [{ field: IDEMPOTENCY_KEY_HEADER, constraint: 'idempotencyKey' }]);
  }
  return value;
});

/** Documents the header in OpenAPI. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Any unique string (a UUID): a retry with the same key takes effect once and gets the first answer.',
  });
