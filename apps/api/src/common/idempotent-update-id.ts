/**
 * The Update id for a request that carries an Idempotency-Key. Temporal
 * accepts an Update id once per workflow run and answers a repeat with the
 * outcome of the first, so a retry never runs the step twice. The id names
 * the step and its target, so one key reused on another task is another Update.
 */
export function idempotentUpdateId(updateName: string, targetId: string, idempotencyKey: string): string {
  return `${updateName}/${targetId}/${idempotencyKey}`;
}
