import {
  isServerErrorResponse,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { FAILURE_TYPES, participationKindOf, type FailureType, type MessageParams } from '@lib/contracts';
import { DomainError, type DomainErrorCode } from './domain-error';
import { messages } from './messages';

/** gRPC status code UNAVAILABLE: the server could not be reached. */
const GRPC_UNAVAILABLE = 14;

const CODE_FOR_FAILURE: Record<FailureType, DomainErrorCode> = {
  [FAILURE_TYPES.wrongState]: 'wrong-state',
  [FAILURE_TYPES.invalidInput]: 'invalid-input',
  [FAILURE_TYPES.notAllowed]: 'not-allowed',
};

const KEY_FOR_FAILURE = {
  [FAILURE_TYPES.wrongState]: 'error.wrongState',
  [FAILURE_TYPES.invalidInput]: 'error.invalidInput',
  [FAILURE_TYPES.notAllowed]: 'error.notAllowed',
} as const;

/**
 * Turns what the Temporal client throws for an Update or a Query into a
 * DomainError, or returns the error unchanged when it is not the caller's doing.
 */
export function fromTemporalError(err: unknown, workflowId: string): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const type = err.cause.type as FailureType;
    const code = CODE_FOR_FAILURE[type];
    if (code) {
      const detail = err.cause.details?.[0] as { key?: string; params?: MessageParams } | undefined;
      const reason = detail?.key && messages.has(detail.key) ? { key: detail.key, params: detail.params ?? {} } : undefined;
      return new DomainError(code, KEY_FOR_FAILURE[type], { reason: err.cause.message }, [], reason);
    }
    // A workflow of another kind has no such Update (pausing a WTO round's monitoring): the caller's mistake, not ours.
    const missing = /^No registered handler for update: (.+)$/.exec(err.cause.message);
    if (missing) return new DomainError('wrong-state', 'error.stepNotForKind', { kind: participationKindOf(workflowId), step: missing[1] });
  }
  if (err instanceof WorkflowNotFoundError) {
    return /already completed|completed|closed/i.test(err.message)
      ? new DomainError('closed', 'error.participationClosed', { workflowId })
      : new DomainError('not-found', 'error.notFound', { entity: 'entity.participation', id: workflowId });
  }
  // Temporal did not answer in time (overloaded, or a worker far behind): a 503 to retry, not a 500.
  const unanswered = err instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
  if (unanswered || (err instanceof ServiceError && isServerErrorResponse(err.cause) && (err.cause.code as number) === GRPC_UNAVAILABLE)) {
    return new DomainError('unavailable', 'error.unavailable', { dependency: 'Temporal' });
  }
  return err;
}

/**
 * A step the workflow refused as out of turn, naming a phase other than the one
 * the caller was shown (`projectedPhase`, the participation's row): the
 * workflow is behind its own projection. A step's projection batch is a local
 * activity committed inside the workflow task that decides it; when Temporal's
 * database goes away before that task completes, the task runs again from the
 * history, and until it does the workflow answers from the state before it
 * (docs/reliability.md). The caller acted on what they saw: a 503 to retry,
 * which a moment later gets the workflow's real answer. Anything else is
 * returned unchanged.
 */
export function behindItsProjection(err: unknown, projectedPhase: string): unknown {
  const phase = err instanceof DomainError && err.code === 'wrong-state' ? err.reason?.params.phase : undefined;
  if (typeof phase !== 'string' || phase === projectedPhase) return err;
  return new DomainError('unavailable', 'error.unavailable', { dependency: 'Temporal' });
}
