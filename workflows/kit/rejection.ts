import { ApplicationFailure } from '@temporalio/workflow';
import { FAILURE_TYPES, translate, type FailureType, type MessageKey, type MessageParams } from './contracts';

/**
 * A business refusal raised by an Update validator or a workflow step. The
 * message key and parameters travel in `details` so the API can say it again
 * in the caller's language; the message itself is the English text, for logs.
 */
export function rejection(type: FailureType, key: MessageKey, params: MessageParams = {}): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message: translate('en', key, params),
    details: [{ key, params }],
    nonRetryable: true,
  });
}

export const wrongState = (key: MessageKey, params?: MessageParams) => rejection(FAILURE_TYPES.wrongState, key, params);
export const invalidInput = (key: MessageKey, params?: MessageParams) => rejection(FAILURE_TYPES.invalidInput, key, params);
export const notAllowed = (key: MessageKey, params?: MessageParams) => rejection(FAILURE_TYPES.notAllowed, key, params);
