import { HttpStatus } from '@nestjs/common';
import type { DomainErrorCode } from './domain-error';

/** The one place where domain error codes become HTTP statuses. */
export function httpStatusFor(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case 'validation-failed':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'not-found':
      return HttpStatus.NOT_FOUND;
    case 'duplicate':
    case 'closed':
    case 'wrong-state':
      return HttpStatus.CONFLICT;
    case 'invalid-input':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'not-allowed':
      return HttpStatus.FORBIDDEN;
    case 'payload-too-large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'rate-limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unhandled: never = code;
      throw new Error(`no HTTP status for ${String(unhandled)}`);
    }
  }
}
