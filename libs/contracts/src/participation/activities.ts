import type { ParticipationHeader } from './state';
import type { ParticipationOutcome, ParticipationStatus } from './participation-status';
import type { TaskDeliverable, TaskPriority, TaskStatus } from './task';

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
  at: string;
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
  openTask(task: OpenTask): Promise<void>;
  changeTask(change: TaskChange): Promise<void>;
  appendJournal(entry: JournalEntry): Promise<void>;
  closeParticipation(closing: ParticipationClosing): Promise<void>;
}
