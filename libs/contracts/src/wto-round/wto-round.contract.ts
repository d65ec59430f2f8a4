import type { ParticipationHeader } from '../participation/state';

export const WTO_ROUND_WORKFLOW = 'wtoRoundWorkflow';

export const WTO_PHASES = [
  'launched',
  'federal-coordination',
  'position-drafting',
  'mandate-approval',
  'negotiation-sessions',
  'closing',
  'closed',
] as const;
export type WtoPhase = (typeof WTO_PHASES)[number];

export interface IssueAreaAssignment {
  /** Issue area code, e.g. `agriculture`, `services`, `non-agricultural-market-access`. */
  area: string;
  /** The expert who drafts the position, or else… */
  expertId?: string;
  /** …a candidate group whose members claim the task (a shared inbox). */
  candidateGroup?: string;
}

export interface NegotiationSession {
  /** ISO 8601 date-time the session opens. */
  date: string;
  leadExpertId: string;
}

/** Every duration of the round, in milliseconds, so tests run it in seconds. */
export interface WtoRoundTiming {
  federalResponseTimeoutMs: number;
  taskDueMs: number;
  taskReminderBeforeMs: number;
}

export interface WtoRoundInput extends ParticipationHeader {
  kind: 'wto-round';
  issueAreas: IssueAreaAssignment[];
  mandateApproverIds: string[];
  sessions: NegotiationSession[];
  timing: WtoRoundTiming;
}
