import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { LaunchKeyEntity } from '@lib/persistence';
import { DomainError } from '../../common/domain-error';

/**
 * Written into the workflow's memo (encrypted with the payloads) when a launch
 * carries an Idempotency-Key; the key is the caller's own, so it is kept with
 * the caller's id.
 */
export interface LaunchMemo {
  idempotencyKey: string;
  requestHash: string;
  participationId: string;
}

export interface LaunchKey {
  key: string;
  callerId: string;
}

export function launchMemo({ key, callerId }: LaunchKey, body: object, participationId: string): LaunchMemo {
  return { idempotencyKey: `${callerId}/${key}`, requestHash: requestHash(body), participationId };
}

/**
 * Keeps the key of a launch about to start, in the caller's transaction (the
 * start happens inside it: a failed start keeps no key). The key already kept
 * with another body is a 422, whichever participation that body names:
 * Temporal's memo alone (below) only sees a retry of the same business key.
 * With the same body, the start goes on and Temporal answers it as a retry.
 * A concurrent first use of the same key waits here for the other's outcome.
 */
export async function keepLaunchKey(manager: EntityManager, memo: LaunchMemo, workflowId: string, key: string): Promise<void> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(LaunchKeyEntity)
    .values({ key: memo.idempotencyKey, requestHash: memo.requestHash, workflowId })
    .orIgnore()
    .returning(['key'])
    .execute();
  if ((inserted.raw as unknown[]).length > 0) return;
  const earlier = await manager.findOneByOrFail(LaunchKeyEntity, { key: memo.idempotencyKey });
  if (earlier.requestHash !== memo.requestHash) throw new DomainError('invalid-input', 'error.idempotencyKeyReused', { key });
}

/**
 * After Temporal refused a start because the workflow id exists: was it this
 * caller's earlier attempt? Temporal holds the answer in the workflow's memo,
 * so there is no table to keep in step and no half-written state: the start
 * and its key are one write. Returns the earlier participation id; undefined
 * when someone else launched it (a plain 409); a 422 when the key comes back
 * with another body.
 */
export async function earlierLaunch(
  client: Client,
  workflowId: string,
  { key, callerId }: LaunchKey,
  body: object,
): Promise<string | undefined> {
  const { memo } = await client.workflow.getHandle(workflowId).describe();
  const earlier = memo as Partial<LaunchMemo> | undefined;
  if (earlier?.idempotencyKey !== `${callerId}/${key}` || typeof earlier.participationId !== 'string') return undefined;
  if (earlier.requestHash !== requestHash(body)) {
    throw new DomainError('invalid-input', 'error.idempotencyKeyReused', { key });
  }
  return earlier.participationId;
}

function requestHash(body: object): string {
  return createHash('sha256').update(stableJson(body)).digest('base64url');
}

/** JSON with object keys sorted, so that the same body always hashes the same. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
