import { isActorId, isDurationMs, isReasonableDate, unstorableTextPaths, UUID_PATTERN } from './input-safety';
import { isLocale } from './locale';
import { BUSINESS_KEY_PATTERN } from './participation-kind';

/**
 * Checks a workflow input again inside the workflow: another client (the
 * `temporal` CLI, a script) can start it without going through the API's
 * DTOs. Collects every problem so the failure names them all.
 */
export class InputChecks {
  readonly problems: string[] = [];

  constructor(
    private readonly input: Record<string, unknown>,
    private readonly nowMs = Date.now(),
  ) {}

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
      if (!isDate(value, this.nowMs)) this.problems.push(`${name} must be an ISO date within a century`);
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

  /** `timing` holds non-negative millisecond durations under each of `keys`, ten years at most (a timer's limit). */
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
      } else if (!isDurationMs(value)) {
        this.problems.push(`timing.${key} must be at most ten years`);
      }
    }
    return this;
  }

  check(ok: boolean, problem: string): this {
    if (!ok) this.problems.push(problem);
    return this;
  }
}

/**
 * The checks every participation input starts with: the header fields and the
 * kind, in the forms the API's LaunchHeaderDto accepts (so that whatever the
 * API accepts runs), and no text anywhere that PostgreSQL could not store:
 * a value the projection activities could never write would have them retry forever.
 */
export function checkParticipationInput(input: unknown, kind: string, nowMs = Date.now()): InputChecks {
  const fields = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const checks = new InputChecks(fields, nowMs);
  if (!input || typeof input !== 'object' || Array.isArray(input)) return checks.check(false, 'input must be an object');
  checks.text('participationId', 'businessKey');
  // Like @IsNotEmpty and @MaxLength(200): a title of blanks is accepted by the API, so it must be here.
  const { title } = fields;
  checks.check(typeof title === 'string' && title.length > 0 && title.length <= 200, 'title must be a non-empty string');
  checks.text('forum', 'coordinatorId', 'launchedAt');
  checks.check(fields.kind === kind, `kind must be ${kind}`);
  checks.check(isLocale(fields.locale), 'locale must be fr or en');
  const given = (name: string) => typeof fields[name] === 'string' && fields[name].trim() !== '';
  if (given('participationId')) checks.check(UUID_PATTERN.test(fields.participationId as string), 'participationId must be a UUID');
  // A child workflow's business key is its parent's followed by /<slug> (a ratification campaign's countries).
  if (given('businessKey')) {
    const value = fields.businessKey as string;
    checks.check(
      value.length <= 160 && value.split('/').every((part) => part.length <= 80 && BUSINESS_KEY_PATTERN.test(part)),
      'businessKey must be lower-case slugs of at most 80 characters, separated by /',
    );
  }
  if (given('forum')) {
    const value = fields.forum as string;
    checks.check(value.length <= 80 && BUSINESS_KEY_PATTERN.test(value), 'forum must be a lower-case slug of at most 80 characters');
  }
  if (given('coordinatorId')) checks.check(isActorId(fields.coordinatorId), 'coordinatorId must be an identifier');
  if (given('launchedAt')) checks.check(isReasonableDate(fields.launchedAt, nowMs), 'launchedAt must be an ISO date within a century');
  for (const path of unstorableTextPaths(input)) checks.check(false, `${path} holds a NUL character or malformed UTF-16`);
  return checks;
}

export const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
/** An ISO date within a century of now (in a workflow, of the workflow's clock): a timer cannot wait longer. */
export const isDate = (value: unknown, nowMs = Date.now()): boolean => isReasonableDate(value, nowMs);
