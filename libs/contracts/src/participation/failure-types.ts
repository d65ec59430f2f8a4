/**
 * `ApplicationFailure.type` values that workflows raise for business errors.
 * The API maps each one to an HTTP status in a single exhaustive switch.
 */
export const FAILURE_TYPES = {
  /** The request does not fit the workflow's current state (task already done, phase over). */
  wrongState: 'WrongState',
  /** The request is well formed but its content is not acceptable (unknown task, bad input). */
  invalidInput: 'InvalidInput',
  /** The actor may not do this here (not an approver of this mandate). */
  notAllowed: 'NotAllowed',
} as const;

export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

export function isFailureType(value: unknown): value is FailureType {
  return typeof value === 'string' && (Object.values(FAILURE_TYPES) as string[]).includes(value);
}
