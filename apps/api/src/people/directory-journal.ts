import type { EntityManager } from 'typeorm';
import { DirectoryChangeEntity } from '@lib/persistence';

export interface DirectoryChange {
  actorId: string;
  action: string;
  /** `person:<id>` or `group:<code>`. */
  target: string;
  oldValue?: object | null;
  newValue?: object | null;
  requestId?: string;
}

/** Appends one change to the directory's journal, in the transaction that makes it. */
export async function journalChange(em: EntityManager, change: DirectoryChange): Promise<void> {
  await em.insert(DirectoryChangeEntity, {
    actorId: change.actorId,
    action: change.action,
    target: change.target,
    oldValue: (change.oldValue ?? null) as DirectoryChangeEntity['oldValue'],
    newValue: (change.newValue ?? null) as DirectoryChangeEntity['newValue'],
    requestId: change.requestId ?? null,
  });
}

export const personTarget = (id: string) => `person:${id}`;
export const groupTarget = (code: string) => `group:${code}`;
