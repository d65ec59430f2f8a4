import type { EntityManager } from 'typeorm';
import {
  auditEntryKey,
  PARTICIPATION_AND_TASK_COLUMNS,
  participationAndTaskOf,
  TASK_EVENTS_CHANNEL,
  type JournalContext,
  type ParticipationAndTaskRow,
  type TaskEntity,
} from '@lib/persistence';
import type { JournalEntry, RegisterParticipation } from '@lib/contracts';

/*
 * The statements every projection write runs, in plain SQL: each launch and
 * each hand-over runs them several times in its transaction, and TypeORM's
 * query builder spent more CPU building each one than PostgreSQL spent
 * running it (docs/performance.md); and a statement that changes a task
 * announces the change in the same round trip. Columns are those of the
 * entities in @lib/persistence; the entity specs and the projection specs hold
 * them to it.
 */

/** jsonb parameters go as JSON text: the pg driver would send a top-level array as a PostgreSQL array. */
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

const INSERT_ENTRY = `
  INSERT INTO audit_entries
    (entry_key, workflow_id, participation_id, actor_id, action, target, old_value, new_value, note, request_id, occurred_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)
  ON CONFLICT DO NOTHING
  RETURNING id`;

/**
 * Inserts the audit entry keyed by workflow id + step key, and returns it as
 * written (jsonb values as they read back, apart from the order of their keys);
 * undefined when a previous attempt already wrote it.
 */
export async function insertEntryOnce(em: EntityManager, entry: JournalEntry): Promise<JournalContext['entry'] | undefined> {
  const written = {
    entryKey: auditEntryKey(entry.workflowId, entry.stepKey),
    workflowId: entry.workflowId,
    participationId: entry.participationId,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    oldValue: json(entry.oldValue),
    newValue: json(entry.newValue),
    note: entry.note ?? null,
    occurredAt: new Date(entry.at),
  };
  const inserted = await em.query<{ id: string }[]>(INSERT_ENTRY, [
    written.entryKey,
    written.workflowId,
    written.participationId,
    written.actorId,
    written.action,
    written.target,
    written.oldValue,
    written.newValue,
    written.note,
    entry.requestId ?? null,
    written.occurredAt,
  ]);
  if (inserted.length === 0) return undefined;
  const parsed = (text: string | null) => (text === null ? null : (JSON.parse(text) as JournalContext['entry']['newValue']));
  return { ...written, oldValue: parsed(written.oldValue), newValue: parsed(written.newValue) };
}

/** The columns of a task that a change can move, by the entity's property names. */
export type TaskChangeable = Pick<TaskEntity, 'status' | 'overdue' | 'deliverable' | 'assigneeId' | 'dueAt' | 'priority'>;
type LockedTask = TaskChangeable & { participationId: string };

const TASK_COLUMNS: Record<keyof TaskChangeable | 'updatedAt' | 'completedAt', string> = {
  status: 'status',
  overdue: 'overdue',
  deliverable: 'deliverable',
  assigneeId: 'assignee_id',
  dueAt: 'due_at',
  priority: 'priority',
  updatedAt: 'updated_at',
  completedAt: 'completed_at',
};

/** The task's row, locked until the transaction ends (two changes of one task never interleave); undefined if none. */
export async function lockTask(em: EntityManager, taskId: string): Promise<LockedTask | undefined> {
  const [row] = await em.query<
    {
      participation_id: string;
      status: string;
      overdue: boolean;
      deliverable: TaskEntity['deliverable'];
      assignee_id: string | null;
      due_at: Date;
      priority: string;
    }[]
  >('SELECT participation_id, status, overdue, deliverable, assignee_id, due_at, priority FROM tasks WHERE id = $1 FOR UPDATE', [taskId]);
  return (
    row && {
      participationId: row.participation_id,
      status: row.status,
      overdue: row.overdue,
      deliverable: row.deliverable,
      assigneeId: row.assignee_id,
      dueAt: row.due_at,
      priority: row.priority,
    }
  );
}

/**
 * Tells listening API instances (the inbox's live updates) that the task the
 * CTE `changed` wrote (its row as RETURNING gives it) changed by `action`, and
 * returns that row with its participation's, what the outboxes need of both.
 * NOTIFY is transactional: delivered only if the change commits.
 */
const announced = (action: string) => `
  SELECT pg_notify('${TASK_EVENTS_CHANNEL}', json_build_object(
    'taskId', t.id, 'participationId', t.participation_id, 'assigneeId', t.assignee_id,
    'candidateGroup', t.candidate_group, 'status', t.status, 'coordinatorId', p.coordinator_id, 'action', ${action}::text
  )::text), ${PARTICIPATION_AND_TASK_COLUMNS}
  FROM changed t JOIN participations p ON p.id = t.participation_id`;

const CHANGED_COLUMNS = 'id, participation_id, kind, title, assignee_id, candidate_group, delegated_from, due_at, status';

/** The task and its participation, as the change's statement returned them (neither when the task has no participation). */
export type TaskAndParticipation = Pick<JournalContext, 'participation' | 'task'>;

/** Sets the given columns of the task (and nothing else), and announces the change as `action`. */
export async function updateTask(
  em: EntityManager,
  taskId: string,
  changes: Partial<TaskChangeable> & { updatedAt: Date; completedAt?: Date },
  action: string,
): Promise<TaskAndParticipation> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof typeof TASK_COLUMNS, unknown][];
  const sets = entries.map(([key], i) => `${TASK_COLUMNS[key]} = $${i + 3}${key === 'deliverable' ? '::jsonb' : ''}`);
  const values = entries.map(([key, value]) => (key === 'deliverable' ? json(value) : value));
  const [row] = await em.query<ParticipationAndTaskRow[]>(
    `WITH changed AS (UPDATE tasks SET ${sets.join(', ')} WHERE id = $1 RETURNING ${CHANGED_COLUMNS}) ${announced('$2')}`,
    [taskId, action, ...values],
  );
  return participationAndTaskOf(row);
}

const INSERT_TASK = `
  WITH changed AS (
    INSERT INTO tasks
      (id, participation_id, workflow_id, step_key, kind, title, instructions, assignee_id, candidate_group, delegated_from,
       due_at, required_fields, priority, status, overdue, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, 'open', false, $14, $14)
    RETURNING ${CHANGED_COLUMNS}
  ) ${announced("'task.opened'")}`;

/** A new open task's row, announced as task.opened; returns it with its participation's. */
export async function insertOpenTask(
  em: EntityManager,
  task: Pick<
    TaskEntity,
    | 'id'
    | 'participationId'
    | 'workflowId'
    | 'stepKey'
    | 'kind'
    | 'title'
    | 'instructions'
    | 'assigneeId'
    | 'candidateGroup'
    | 'delegatedFrom'
    | 'dueAt'
    | 'requiredFields'
    | 'priority'
    | 'createdAt'
  >,
): Promise<TaskAndParticipation> {
  const [row] = await em.query<ParticipationAndTaskRow[]>(INSERT_TASK, [
    task.id,
    task.participationId,
    task.workflowId,
    task.stepKey,
    task.kind,
    task.title,
    task.instructions,
    task.assigneeId,
    task.candidateGroup,
    task.delegatedFrom,
    task.dueAt,
    json(task.requiredFields ?? {}),
    task.priority,
    task.createdAt,
  ]);
  return participationAndTaskOf(row);
}

const INSERT_PARTICIPATION = `
  INSERT INTO participations
    (id, workflow_id, kind, business_key, title, forum, coordinator_id, locale, phase, status, details,
     launched_at, updated_at, phase_entered_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10::jsonb, $11, $12, $11)
  ON CONFLICT DO NOTHING`;

/** The participation's row at its launch (kept as it is if a previous attempt wrote it). */
export async function insertParticipation(em: EntityManager, input: RegisterParticipation): Promise<void> {
  await em.query(INSERT_PARTICIPATION, [
    input.participationId,
    input.workflowId,
    input.kind,
    input.businessKey,
    input.title,
    input.forum,
    input.coordinatorId,
    input.locale,
    input.phase,
    json(input.details ?? {}),
    new Date(input.launchedAt),
    new Date(),
  ]);
}

/** The participation's new phase, entered at `enteredAt`. */
export async function setPhase(em: EntityManager, participationId: string, phase: string, enteredAt: Date): Promise<void> {
  await em.query('UPDATE participations SET phase = $2, phase_entered_at = $3, updated_at = $4 WHERE id = $1', [
    participationId,
    phase,
    enteredAt,
    new Date(),
  ]);
}
