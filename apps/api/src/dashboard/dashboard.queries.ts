import { openTaskCondition } from '@lib/persistence';

/*
 * The dashboard's SQL, in one place so that its test can EXPLAIN exactly what
 * the service runs. Task queries read open tasks only, through the partial
 * index `idx_tasks_open`; "waiting longest" reads the partial index
 * `idx_participations_active_phase_entered`. Both come from the migration
 * SupervisionIndexes.
 */

export const PARTICIPATIONS_BY_KIND_AND_PHASE = `
  SELECT p.kind, p.phase, count(*)::int AS "count"
  FROM participations p
  GROUP BY p.kind, p.phase
  ORDER BY p.kind, p.phase`;

export const ACTIVE_PARTICIPATIONS = `
  SELECT count(*)::int AS "count" FROM participations p WHERE p."status" = 'active'`;

export const OPEN_TASK_TOTALS = `
  SELECT count(*)::int AS "openTasks", (count(*) FILTER (WHERE t.overdue))::int AS "overdueTasks"
  FROM tasks t
  WHERE ${openTaskCondition('t')}`;

export const OPEN_TASKS_BY_FORUM = `
  SELECT p.forum,
         (count(*) FILTER (WHERE t.overdue))::int AS "overdueTasks",
         count(*)::int AS "openTasks",
         (count(DISTINCT p.id) FILTER (WHERE t.overdue))::int AS "participationsWithOverdue"
  FROM tasks t
  JOIN participations p ON p.id = t.participation_id
  WHERE ${openTaskCondition('t')}
  GROUP BY p.forum
  ORDER BY "overdueTasks" DESC, p.forum`;

/**
 * Overdue open tasks by whom they wait on: a person, or a group while nobody
 * has claimed them; with the participation of the most overdue one. $1: how many rows.
 */
export const OVERDUE_TASKS_BY_PERSON = `
  SELECT t.assignee_id AS "assigneeId",
         CASE WHEN t.assignee_id IS NULL THEN t.candidate_group END AS "candidateGroup",
         count(*)::int AS "overdueTasks",
         (array_agg(p.id ORDER BY t.due_at, t.id))[1] AS "oldestParticipationId",
         (array_agg(p.title ORDER BY t.due_at, t.id))[1] AS "oldestTitle",
         min(t.due_at) AS "oldestDueAt"
  FROM tasks t
  JOIN participations p ON p.id = t.participation_id
  WHERE ${openTaskCondition('t')} AND t.overdue
  GROUP BY 1, 2
  ORDER BY "overdueTasks" DESC, "oldestDueAt" ASC
  LIMIT $1`;

/** $1: how many rows. */
export const WAITING_LONGEST = `
  SELECT p.id, p.workflow_id AS "workflowId", p.kind, p.title, p.forum, p.phase,
         p.phase_entered_at AS "phaseEnteredAt",
         (SELECT count(*) FROM tasks t WHERE t.participation_id = p.id AND ${openTaskCondition('t')})::int AS "openTasks",
         (SELECT count(*) FROM tasks t WHERE t.participation_id = p.id AND ${openTaskCondition('t')} AND t.overdue)::int AS "overdueTasks"
  FROM participations p
  WHERE p."status" = 'active'
  ORDER BY p.phase_entered_at ASC, p.id ASC
  LIMIT $1`;

/** The rows each query answers, as PostgreSQL names their columns. */
export interface KindPhaseCountRow {
  kind: string;
  phase: string;
  count: number;
}
export interface CountRow {
  count: number;
}
export interface OpenTaskTotalsRow {
  openTasks: number;
  overdueTasks: number;
}
export interface ForumTasksRow {
  forum: string;
  overdueTasks: number;
  openTasks: number;
  participationsWithOverdue: number;
}
export interface PersonTasksRow {
  assigneeId: string | null;
  candidateGroup: string | null;
  overdueTasks: number;
  oldestParticipationId: string;
  oldestTitle: string;
  oldestDueAt: Date;
}
export interface WaitingRow {
  id: string;
  workflowId: string;
  kind: string;
  title: string;
  forum: string;
  phase: string;
  phaseEnteredAt: Date;
  openTasks: number;
  overdueTasks: number;
}
