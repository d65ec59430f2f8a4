import { isLocale } from './locale';
import type { ParticipationKind } from './participation-kind';

/**
 * Checks a workflow input again inside the workflow: another client (the
 * `temporal` CLI, a script) can start it without going through the API's
 * DTOs. Collects every problem so the failure names them all.
 */
export class InputChecks {
  readonly problems: string[] = [];

  constructor(private readonly input: Record<string, unknown>) {}

  text(...names: string[]): this {
    for (const name of names) {
      const value = this.input[name];
      if (typeof value !== 'string' || value.trim() === '') this.problems.push(`${name} must be a non-empty string`);
    }
    return this;
  }

  date(...names: string[]): this {
    for (const name of names) {
      const value = this.input[name];
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) this.problems.push(`${name} must be an ISO date`);
    }
    return this;
  }

  /** A list of at least `min` items, each passing `item` when given. */
  list(name: string, min: number, item?: (value: Record<string, unknown>) => boolean, what = 'well-formed'): this {
    const value = this.input[name];
    if (!Array.isArray(value) || value.length < min) {
      this.problems.push(`${name} must list at least ${min} item(s)`);
    } else if (item && value.some((v) => !v || typeof v !== 'object' || !item(v as Record<string, unknown>))) {
      this.problems.push(`each item of ${name} must be ${what}`);
    }
    return this;
  }

  positiveInt(...names: string[]): this {
    for (const name of names) {
      const value = this.input[name];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) this.problems.push(`${name} must be a positive integer`);
    }
    return this;
  }

  /** `timing` holds non-negative millisecond durations under each of `keys`. */
  timing(...keys: string[]): this {
    const timing = this.input.timing as Record<string, unknown> | undefined;
    if (!timing || typeof timing !== 'object') {
      this.problems.push('timing must be an object');
      return this;
    }
    for (const key of keys) {
      const value = timing[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        this.problems.push(`timing.${key} must be a non-negative number`);
      }
    }
    return this;
  }

  check(ok: boolean, problem: string): this {
    if (!ok) this.problems.push(problem);
    return this;
  }
}

/** The checks every participation input starts with: the header fields and the kind. */
export function checkParticipationInput(input: unknown, kind: ParticipationKind): InputChecks {
  const fields = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const checks = new InputChecks(fields);
  if (!input || typeof input !== 'object') return checks.check(false, 'input must be an object');
  checks.text('participationId', 'businessKey', 'title', 'forum', 'coordinatorId', 'launchedAt');
  checks.check(fields.kind === kind, `kind must be ${kind}`);
  checks.check(isLocale(fields.locale), 'locale must be fr or en');
  return checks;
}

export const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
export const isDate = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value));
