import { httpStatusFor } from './http-status';
import type { DomainErrorCode } from './domain-error';

describe('httpStatusFor', () => {
  it.each<[DomainErrorCode, number]>([
    ['validation-failed', 400],
    ['unauthenticated', 401],
    ['not-found', 404],
    ['duplicate', 409],
    ['closed', 409],
    ['wrong-state', 409],
    ['invalid-input', 422],
    ['not-allowed', 403],
    ['payload-too-large', 413],
    ['unavailable', 503],
    ['rate-limited', 429],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });

  it('refuses a code it does not know instead of guessing', () => {
    expect(() => httpStatusFor('teapot' as DomainErrorCode)).toThrow('no HTTP status for teapot');
  });
});
