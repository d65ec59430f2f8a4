import type { ParticipationHeader } from './state';
import type { ParticipationOutcome, ParticipationStatus } from './participation-status';
import type { RequiredFields, TaskDeliverable, TaskPriority, TaskStatus } from './task';

/*
 * The projection activities every workflow calls. Each write carries an
 * idempotency key built from the workflow id and a step key, so a retried
 * activity changes nothing the second time.
 */

export interface RegisterParticipation extends ParticipationHeader {
  workflowId: string;
  phase: string;
  details: Record<string, unknown>;
}

export interface PhaseChange {
  workflowId: string;
  participationId: string;
  stepKey: string;
  fromPhase: string;
  toPhase: string;
  at: string;
}

export interface OpenTask {
  taskId: string;
  workflowId: string;
  participationId: string;
  stepKey: string;
  kind: string;
  title: string;
  instructions: string;
  assigneeId: string | null;
  candidateGroup: string | null;
  dueAt: string;
  priority: TaskPriority;
  /** Fields the deliverable must carry, with their accepted values (absent from tasks opened before it was sent). */
  requiredFields?: RequiredFields;
  at: string;
}

/**
 * Where an opened task landed: with its assignee, or, while the assignee is
 * absent, with their delegate (`delegatedFrom` names the absent person).
 */
export interface TaskPlacement {
  assigneeId: string | null;
  delegatedFrom: string | null;
}

export interface TaskChange {
  taskId: string;
  workflowId: string;
  stepKey: string;
  status?: TaskStatus;
  overdue?: boolean;
  deliverable?: TaskDeliverable;
  assigneeId?: string | null;
  dueAt?: string;
  priority?: TaskPriority;
  actorId: string;
  requestId?: string;
  action: string;
  note?: string;
  at: string;
}

export interface JournalEntry {
  workflowId: string;
  participationId: string;
  stepKey: string;
  actorId: string;
  action: string;
  target: string;
  oldValue?: unknown;
  newValue?: unknown;
  note?: string;
  requestId?: string;
  at: string;
}

export interface ParticipationClosing {
  workflowId: string;
  participationId: string;
  stepKey: string;
  status: ParticipationStatus;
  outcome: ParticipationOutcome;
  summary?: string;
  actorId: string;
  at: string;
}

export interface ProjectionActivities {
  registerParticipation(input: RegisterParticipation): Promise<void>;
  recordPhaseChange(change: PhaseChange): Promise<void>;
  /** Histories recorded before delegation hold no result: a workflow replaying them reads undefined. */
  openTask(task: OpenTask): Promise<TaskPlacement | undefined>;
  changeTask(change: TaskChange): Promise<void>;
  appendJournal(entry: JournalEntry): Promise<void>;
  closeParticipation(closing: ParticipationClosing): Promise<void>;
}

/**
 * The projection activities' names, once: the workflow proxies and the
 * worker's registration both derive from this list, and the compiler checks
 * that it names every method of ProjectionActivities.
 */
export const PROJECTION_ACTIVITY_NAMES = [
  'registerParticipation',
  'recordPhaseChange',
  'openTask',
  'changeTask',
  'appendJournal',
  'closeParticipation',
] as const satisfies readonly (keyof ProjectionActivities)[];

/** One projection write: which of the ProjectionActivities, with its input. */
export type ProjectionWrite = {
  [N in (typeof PROJECTION_ACTIVITY_NAMES)[number]]: { name: N; input: Parameters<ProjectionActivities[N]>[0] };
}[(typeof PROJECTION_ACTIVITY_NAMES)[number]];

/** The writes one workflow task asks for, applied in order in one PostgreSQL transaction. */
export interface ProjectionBatch {
  writes: ProjectionWrite[];
}

/**
 * What a batch answers: each write's answer (openTask's placement, null for the
 * others), and the writes themselves. A local activity's history marker keeps
 * its result but not its input, so the writes travel back in the result: that
 * is where `npm run reproject` reads them.
 */
export interface ProjectionBatchResult {
  writes: ProjectionWrite[];
  results: (TaskPlacement | null)[];
}

/** The batched projection write, run as a local activity: one call, one transaction per workflow task. */
export interface BatchedProjectionActivities {
  applyProjectionBatch(batch: ProjectionBatch): Promise<ProjectionBatchResult>;
}

/**
 * The patch that moved projection writes into one local activity per workflow
 * task. Runs started before it keep writing through one activity per write,
 * as their histories recorded.
 */
export const BATCHED_PROJECTION_PATCH = 'projection-batch';

/**
 * The patch that lets a batch wait until the workflow task has settled (every
 * write that the same activation queues, across all its microtasks) before it is
 * written: a hand-over's completion and the next task it opens go in one
 * transaction, where batched runs started before it wrote them in two.
 */
export const SETTLED_BATCH_PATCH = 'projection-batch-settled';

export const BATCHED_PROJECTION_ACTIVITY = 'applyProjectionBatch' as const satisfies keyof BatchedProjectionActivities;

/** A Temporal Schedule that a participation owns: at each interval it starts `workflowType`, which tells the participation. */
export interface ReportScheduleSpec {
  scheduleId: string;
  participationWorkflowId: string;
  /** The short workflow the schedule starts at each interval; its only argument is the participation's workflow id. */
  workflowType: string;
  intervalMs: number;
  taskQueue: string;
  note: string;
}

/** Activities that manage a participation's Temporal Schedule; each is idempotent. */
export interface ScheduleActivities {
  ensureReportSchedule(spec: ReportScheduleSpec): Promise<void>;
  setReportSchedulePaused(request: { scheduleId: string; paused: boolean; note: string }): Promise<void>;
  deleteReportSchedule(request: { scheduleId: string }): Promise<void>;
}

export const SCHEDULE_ACTIVITY_NAMES = [
  'ensureReportSchedule',
  'setReportSchedulePaused',
  'deleteReportSchedule',
] as const satisfies readonly (keyof ScheduleActivities)[];

/** Compile-time proof that each list names every activity of its interface (a missing name is a type error here). */
type Missing<I, L extends readonly unknown[]> = Exclude<keyof I, L[number]>;
export const ACTIVITY_LISTS_ARE_COMPLETE: [
  Missing<ProjectionActivities, typeof PROJECTION_ACTIVITY_NAMES>,
  Missing<ScheduleActivities, typeof SCHEDULE_ACTIVITY_NAMES>,
] extends [never, never]
  ? true
  : never = true;
