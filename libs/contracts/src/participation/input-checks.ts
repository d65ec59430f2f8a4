import { isLocale } from './locale';
import { BUSINESS_KEY_PATTERN, PARTICIPATION_KINDS } from './participation-kind';

/*
 * Checks shared by every kind's input validation, run inside the workflow's
 * first step: a workflow started by another client (the `temporal` CLI, a
 * script) has not been through the API's DTOs. An input that passes must not
 * make a later step throw, nor an activity retry forever on a value
 * PostgreSQL or Temporal refuses.
 */

/** People and organizations are named by identifiers: they reach search attributes, which are not encrypted. */
export const ACTOR_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Longest duration a participation's timers accept: ten years. */
export const MAX_DURATION_MS = 10 * 365 * 24 * 3600 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL stores no NUL in text or JSON, and a lone surrogate would not come back as it was sent. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Paths of the strings (and object keys) anywhere in `value` that could not be stored as they are. */
export function unstorableTextPaths(value: unknown, limit = 10): string[] {
  const found: string[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: 'input' }];
  while (stack.length > 0 && found.length < limit) {
    const current = stack.pop()!;
    if (typeof current.value === 'string') {
      if (!isStorableText(current.value)) found.push(current.path);
    } else if (current.value && typeof current.value === 'object') {
      for (const [key, child] of Object.entries(current.value)) {
        if (!isStorableText(key)) found.push(`${current.path}.<key>`);
        stack.push({ value: child, path: `${current.path}.${key}` });
      }
    }
  }
  return found;
}

export function isActorId(value: unknown): value is string {
  return typeof value === 'string' && ACTOR_ID_PATTERN.test(value);
}

/** A date Temporal and PostgreSQL both accept, within a century of now. */
export function isReasonableDate(value: unknown, nowMs: number): boolean {
  if (typeof value !== 'string') return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && Math.abs(ms - nowMs) <= 10 * MAX_DURATION_MS;
}

export function isDurationMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_MS;
}

/** Problems with the fields every participation input carries (ParticipationHeader). */
export function participationHeaderProblems(input: Record<string, unknown>, nowMs: number): string[] {
  const problems: string[] = [];
  if (typeof input.participationId !== 'string' || !UUID.test(input.participationId)) problems.push('participationId must be a UUID');
  if (!(PARTICIPATION_KINDS as readonly unknown[]).includes(input.kind)) problems.push('kind must be a participation kind');
  for (const slug of ['businessKey', 'forum'] as const) {
    const value = input[slug];
    if (typeof value !== 'string' || value.length > 80 || !BUSINESS_KEY_PATTERN.test(value)) {
      problems.push(`${slug} must be a lower-case slug of at most 80 characters`);
    }
  }
  // As the API's DTOs say (@IsNotEmpty, @MaxLength(200)): whatever the API accepts must run.
  if (typeof input.title !== 'string' || input.title.length === 0 || input.title.length > 200) {
    problems.push('title must be a non-empty string of at most 200 characters');
  }
  if (!isActorId(input.coordinatorId)) problems.push('coordinatorId must be an identifier');
  if (!isLocale(input.locale)) problems.push('locale must be fr or en');
  if (!isReasonableDate(input.launchedAt, nowMs)) problems.push('launchedAt must be an ISO date');
  return problems;
}
