import type { EntityManager } from 'typeorm';
import { auditEntryKey, type AuditEntryEntity, type ParticipationEntity, type TaskEntity } from './entities';

/**
 * A journal entry just claimed in the projection's transaction, with what its
 * notifications and its published event both need of the participation and,
 * for a task's entry, of the task. Read once per entry: each outbox reading its
 * own (the entry, the participation, the task, by TypeORM and by SQL) made ten
 * queries of each hand-over's transaction out of four.
 */
export interface JournalContext {
  entry: Pick<
    AuditEntryEntity,
    'entryKey' | 'workflowId' | 'participationId' | 'actorId' | 'action' | 'target' | 'oldValue' | 'newValue' | 'note' | 'occurredAt'
  >;
  /** Undefined when the entry names a participation with no row (the outboxes say so and write nothing). */
  participation?: Pick<ParticipationEntity, 'id' | 'kind' | 'businessKey' | 'forum' | 'phase' | 'status' | 'title' | 'coordinatorId'>;
  /** The task a `task.*` entry is about; undefined for any other entry, or a task with no row. */
  task?: Pick<TaskEntity, 'id' | 'kind' | 'title' | 'assigneeId' | 'candidateGroup' | 'delegatedFrom' | 'dueAt' | 'status'>;
}

/** The participation's and the task's columns of a context row, as PARTICIPATION_AND_TASK_COLUMNS names them. */
export interface ParticipationAndTaskRow {
  p_id: string | null;
  p_kind: string;
  business_key: string;
  forum: string;
  phase: string;
  p_status: ParticipationEntity['status'];
  p_title: string;
  coordinator_id: string;
  t_id: string | null;
  t_kind: string;
  t_title: string;
  assignee_id: string | null;
  candidate_group: string | null;
  delegated_from: string | null;
  due_at: Date;
  t_status: TaskEntity['status'];
}

/** The select list of a ParticipationAndTaskRow, from a participation aliased `p` and a task aliased `t`. */
export const PARTICIPATION_AND_TASK_COLUMNS = `
  p.id AS p_id, p.kind AS p_kind, p.business_key, p.forum, p.phase, p.status AS p_status, p.title AS p_title, p.coordinator_id,
  t.id AS t_id, t.kind AS t_kind, t.title AS t_title, t.assignee_id, t.candidate_group, t.delegated_from, t.due_at,
  t.status AS t_status`;

interface ContextRow extends ParticipationAndTaskRow {
  entry_key: string;
  workflow_id: string;
  participation_id: string;
  actor_id: string;
  action: string;
  target: string;
  old_value: AuditEntryEntity['oldValue'];
  new_value: AuditEntryEntity['newValue'];
  note: string | null;
  occurred_at: Date;
}

// The task is joined only for a task's entry whose target is a task id (the CASE keeps the cast from failing on others).
const CONTEXT_OF_ENTRY = `
  SELECT a.entry_key, a.workflow_id, a.participation_id, a.actor_id, a.action, a.target, a.old_value, a.new_value, a.note, a.occurred_at,
         ${PARTICIPATION_AND_TASK_COLUMNS}
    FROM audit_entries a
    LEFT JOIN participations p ON p.id = a.participation_id
    LEFT JOIN tasks t ON t.id = CASE
      WHEN a.action LIKE 'task.%' AND a.target ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.target::uuid
    END
   WHERE a.entry_key = $1`;

/** The entry `workflowId#stepKey` with its participation and task, in one query; undefined when there is no such entry. */
export async function readJournalContext(em: EntityManager, workflowId: string, stepKey: string): Promise<JournalContext | undefined> {
  const [row] = await em.query<ContextRow[]>(CONTEXT_OF_ENTRY, [auditEntryKey(workflowId, stepKey)]);
  if (!row) return undefined;
  return {
    entry: {
      entryKey: row.entry_key,
      workflowId: row.workflow_id,
      participationId: row.participation_id,
      actorId: row.actor_id,
      action: row.action,
      target: row.target,
      oldValue: row.old_value,
      newValue: row.new_value,
      note: row.note,
      occurredAt: row.occurred_at,
    },
    ...participationAndTaskOf(row),
  };
}

/** The participation and the task of a context row; either is undefined when its row is missing. */
export function participationAndTaskOf(row: ParticipationAndTaskRow | undefined): Pick<JournalContext, 'participation' | 'task'> {
  return {
    participation: row?.p_id
      ? {
          id: row.p_id,
          kind: row.p_kind,
          businessKey: row.business_key,
          forum: row.forum,
          phase: row.phase,
          status: row.p_status,
          title: row.p_title,
          coordinatorId: row.coordinator_id,
        }
      : undefined,
    task: row?.t_id
      ? {
          id: row.t_id,
          kind: row.t_kind,
          title: row.t_title,
          assigneeId: row.assignee_id,
          candidateGroup: row.candidate_group,
          delegatedFrom: row.delegated_from,
          dueAt: row.due_at,
          status: row.t_status,
        }
      : undefined,
  };
}
