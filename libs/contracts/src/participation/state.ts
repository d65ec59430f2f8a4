import type { Locale } from './locale';
import type { ParticipationOutcome, ParticipationStatus } from './participation-status';
import type { TaskView } from './task';

/** Fields every participation workflow input carries, whatever its kind. */
export interface ParticipationHeader {
  participationId: string;
  kind: string;
  businessKey: string;
  title: string;
  forum: string;
  coordinatorId: string;
  locale: Locale;
  launchedAt: string;
}

export interface WaitingFor {
  /** Stable code (`federal-response`, `tasks`, `approval`, `session-date`, `closing-decision`). */
  code: string;
  /** The same, in words, in the participation's language. */
  label: string;
  until?: string;
}

export interface PhaseStep {
  phase: string;
  at: string;
}

/** The live state returned by the `getState` query: flat, readable in the Temporal UI's query tab. */
export interface ParticipationStateView {
  participationId: string;
  workflowId: string;
  kind: string;
  title: string;
  forum: string;
  coordinatorId: string;
  phase: string;
  status: ParticipationStatus;
  outcome?: ParticipationOutcome;
  closingSummary?: string;
  cancelReason?: string;
  waitingFor?: WaitingFor;
  tasks: TaskView[];
  phaseHistory: PhaseStep[];
  details: Record<string, unknown>;
  /** Which run of the workflow answers: long participations continue as new runs. */
  run?: number;
}

export interface ParticipationResult {
  participationId: string;
  workflowId: string;
  outcome: ParticipationOutcome;
  summary?: string;
  closedAt: string;
}
