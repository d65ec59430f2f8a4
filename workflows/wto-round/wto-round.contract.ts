import {
  BUSINESS_KEY_PATTERN,
  checkParticipationInput,
  isActorId,
  isDurationMs,
  isReasonableDate,
  type ParticipationHeader,
} from '../kit/contracts';

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

/** A WTO session is announced, or moved (event `wto.session.scheduled`): added to the round's calendar by its key. */
export interface WtoSessionScheduledData {
  businessKey: string;
  sessionKey: string;
  date: string;
  leadExpertId: string;
}

const isSlug = (value: unknown) => typeof value === 'string' && value.length <= 80 && BUSINESS_KEY_PATTERN.test(value);

/**
 * Checks a WTO round input again inside the workflow: another client (the
 * `temporal` CLI, a script) can start it without going through the API's DTOs.
 * Bounded as the API is, so that an input that passes cannot make a later step
 * throw. Returns the problems found, empty when the input is sound.
 */
export function validateWtoRoundInput(input: Partial<WtoRoundInput> | undefined, nowMs = Date.now()): string[] {
  const checks = checkParticipationInput(input, 'wto-round', nowMs);
  if (!input || typeof input !== 'object' || Array.isArray(input)) return checks.problems;
  const area = (a: IssueAreaAssignment) =>
    isSlug(a.area) && (a.expertId === undefined ? isSlug(a.candidateGroup) : isActorId(a.expertId) && a.candidateGroup === undefined);
  const session = (s: NegotiationSession) => isReasonableDate(s.date, nowMs) && isActorId(s.leadExpertId);
  const { issueAreas, mandateApproverIds, sessions, timing } = input;
  checks
    .check(Array.isArray(issueAreas) && issueAreas.length >= 1 && issueAreas.length <= 30, 'issueAreas must list 1 to 30 areas')
    .check(
      !Array.isArray(issueAreas) || issueAreas.every((a) => a && typeof a === 'object' && area(a)),
      'each issue area needs an area (slug) and either an expertId (identifier) or a candidateGroup (slug)',
    )
    .check(
      Array.isArray(mandateApproverIds) &&
        mandateApproverIds.length >= 1 &&
        mandateApproverIds.length <= 20 &&
        mandateApproverIds.every(isActorId),
      'mandateApproverIds must list 1 to 20 approver identifiers',
    )
    .check(Array.isArray(sessions) && sessions.length <= 50, 'sessions must be a list of at most 50')
    .check(
      !Array.isArray(sessions) || sessions.every((s) => s && typeof s === 'object' && session(s)),
      'each session needs an ISO date within a century and a leadExpertId (identifier)',
    );
  if (!timing || typeof timing !== 'object') return [...checks.problems, 'timing must be an object'];
  for (const key of ['federalResponseTimeoutMs', 'taskDueMs', 'taskReminderBeforeMs'] as const) {
    checks.check(isDurationMs(timing[key]), `timing.${key} must be a number of milliseconds from 0 to ten years`);
  }
  return checks.problems;
}
