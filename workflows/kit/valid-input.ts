import { rejection } from './rejection';

/** Fails the workflow at once, without retrying, when its input has problems: it cannot get better by itself. */
export function assertValidInput(problems: string[]): void {
  if (problems.length > 0) throw rejection('InvalidInput', 'reject.invalidInput', { reason: problems.join('; ') });
}
