import type { MessageKey, MessageParams } from '@lib/contracts';
import type { AnyMessageKey } from './messages';

/** What went wrong, independent of transport; http-status.ts maps each code to a status. */
export type DomainErrorCode =
  | 'validation-failed'
  | 'unauthenticated'
  | 'not-found'
  | 'duplicate'
  | 'closed'
  | 'wrong-state'
  | 'invalid-input'
  | 'not-allowed'
  | 'payload-too-large'
  | 'unavailable'
  | 'rate-limited';

export interface FieldProblem {
  field: string;
  constraint: string;
  params?: MessageParams;
}

/** A business error raised by an application service; its text is chosen in the caller's language later. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly fields: FieldProblem[] = [],
    /** A reason given by a workflow as a message key, translated into `params.reason`. */
    readonly reason?: { key: AnyMessageKey; params: MessageParams },
  ) {
    super(`${code}: ${messageKey} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}
