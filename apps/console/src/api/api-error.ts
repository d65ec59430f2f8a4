/** An answer of the API other than 2xx, with its body (`{statusCode, error, message, errors?: [{field, message}]}`). */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string;
  errors?: Array<{ field: string; message: string; constraint?: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export interface PlacedErrors {
  /** Messages by the form path they belong beside. */
  byField: Record<string, string[]>;
  /** Messages no field of the form can hold. */
  general: string[];
}

/**
 * Puts each field error beside the field it names. `field` may be a path
 * (`sessions.0.date`); a path the form does not show goes to its nearest
 * shown parent (`issueAreas.0.unknown` → `issueAreas.0`), else above the form.
 */
export function placeErrors(body: ApiErrorBody | null, knownPaths: readonly string[]): PlacedErrors {
  const known = new Set(knownPaths);
  const placed: PlacedErrors = { byField: {}, general: [] };
  const add = (list: string[], message: string) => {
    if (!list.includes(message)) list.push(message);
  };
  for (const { field, message } of body?.errors ?? []) {
    let path: string | undefined = field;
    while (path && !known.has(path)) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;
    if (path) add((placed.byField[path] ??= []), message);
    else add(placed.general, message);
  }
  if (!body?.errors?.length && body?.message) placed.general.push(body.message);
  return placed;
}

/** What a refusal means, as a key of the console's catalog; the API's own message (in the reader's language) follows it. */
export function refusalKey(error: unknown): RefusalKey {
  if (!(error instanceof ApiError)) return 'refusal.network';
  switch (error.status) {
    case 0:
      return 'refusal.network';
    case 400:
      return 'refusal.invalid';
    case 401:
      return 'refusal.signedOut';
    case 403:
      return 'refusal.forbidden';
    case 404:
      return 'refusal.notFound';
    case 409:
      return 'refusal.conflict';
    case 413:
      return 'refusal.tooLarge';
    case 422:
      return 'refusal.unprocessable';
    case 429:
      return 'refusal.tooMany';
    default:
      return error.status >= 500 ? 'refusal.unavailable' : 'refusal.invalid';
  }
}

export type RefusalKey =
  | 'refusal.network'
  | 'refusal.invalid'
  | 'refusal.signedOut'
  | 'refusal.forbidden'
  | 'refusal.notFound'
  | 'refusal.conflict'
  | 'refusal.tooLarge'
  | 'refusal.unprocessable'
  | 'refusal.tooMany'
  | 'refusal.unavailable';
