/*
 * What a workflow input must respect so that no later step throws and no
 * activity retries forever on a value PostgreSQL or Temporal refuses: used by
 * checkParticipationInput (every kind) and the API's own checks, so that
 * whatever the API accepts, the workflow runs.
 */

/** People and organizations are named by identifiers: they reach search attributes, which are not encrypted. */
export const ACTOR_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Longest duration a participation's timers accept: ten years. */
export const MAX_DURATION_MS = 10 * 365 * 24 * 3600 * 1000;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

/** A date Temporal and PostgreSQL both accept, within a century of now: a timer cannot wait much longer. */
export function isReasonableDate(value: unknown, nowMs: number): boolean {
  if (typeof value !== 'string') return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && Math.abs(ms - nowMs) <= 10 * MAX_DURATION_MS;
}

export function isDurationMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_MS;
}
