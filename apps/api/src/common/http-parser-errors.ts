/**
 * Errors raised by Express and its body parser before a route runs (bad JSON,
 * too large, wrong charset or encoding, bad URL escape) are `http-errors` with
 * a 4xx `status` and `expose: true`: the caller's doing, never a 500.
 */
export function parserErrorStatus(err: unknown): number | undefined {
  const { status, statusCode, expose } = (err ?? {}) as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return expose === true && typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}
