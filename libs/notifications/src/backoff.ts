/** Wait before attempt `attempts + 1`: doubles from `initialMs` at each failed attempt, capped at `maxMs`. */
export function retryDelayMs(attempts: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempts - 1));
}
