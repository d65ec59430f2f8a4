/**
 * The Update id for a request that carries an Idempotency-Key. Temporal
 * accepts an Update id once per workflow run and answers a repeat with the
 * outcome of the first, so a retry never runs the step twice. The id names
 * the step, its target and the caller: one key reused on another task, or by
 * another person, is another Update.
 */
export function idempotentUpdateId(updateName: string, targetId: string, callerId: string, idempotencyKey: string): string {
  return `${updateName}/${targetId}/${callerId}/${idempotencyKey}`;
}
