import { unstorableTextPaths } from './contracts';
import { invalidInput } from './rejection';

/**
 * The first step of a participation workflow: checks the input again, because
 * another client (the `temporal` CLI, a script) may have started it without
 * the API's validation. A bad input fails the workflow at once with a
 * readable, non-retryable InvalidInput failure, instead of a workflow task
 * or an activity retrying forever on a value it can never handle.
 */
export function assertValidInput<T>(input: T, validate: (input: T) => string[]): void {
  let problems: string[];
  try {
    problems = [
      ...validate(input),
      ...unstorableTextPaths(input).map((path) => `${path} holds a NUL character or malformed UTF-16`),
    ];
  } catch (err) {
    // A validator that throws on a shape nobody foresaw still means the input is bad.
    problems = [`input could not be checked: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (problems.length > 0) throw invalidInput('reject.invalidInput', { reason: problems.join('; ') });
}
