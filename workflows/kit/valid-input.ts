import { rejection } from './rejection';

/**
 * Fails the workflow at once, without retrying, when its input has problems:
 * it cannot get better by itself. Given the check itself rather than its
 * result, a check that throws on a shape nobody foresaw (another client, the
 * `temporal` CLI, sent anything) also fails the workflow instead of failing
 * its workflow task over and over.
 */
export function assertValidInput(problems: string[] | (() => string[])): void {
  let found: string[];
  try {
    found = typeof problems === 'function' ? problems() : problems;
  } catch (err) {
    found = [`input could not be checked: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (found.length > 0) throw rejection('InvalidInput', 'reject.invalidInput', { reason: found.join('; ') });
}
