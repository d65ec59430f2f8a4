import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ParticipationStateView } from './state';

/*
 * Signals, Updates and Queries of the kit beyond the foundation's (task commands
 * are in task-messages.ts): external events, session moves, round decisions, the
 * monitoring schedule and parent/child messages.
 */

/** An external event routed to a participation by `POST /events`; `eventId` makes it count once. */
export interface ParticipationEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
export const participationEventSignal = defineSignal<[ParticipationEvent]>('participationEvent');

/** A scheduled session moves to another date. */
export interface RescheduleSessionRequest {
  sessionKey: string;
  date: string;
  actorId: string;
  reason?: string;
}
export const rescheduleSessionSignal = defineSignal<[RescheduleSessionRequest]>('rescheduleSession');

export interface CancelSessionRequest {
  sessionKey: string;
  actorId: string;
  reason: string;
}
export const cancelSessionSignal = defineSignal<[CancelSessionRequest]>('cancelSession');

/** End of a negotiation round: another round, or the end of the negotiation. */
export const ROUND_DECISIONS = ['next-round', 'concluded', 'suspended'] as const;
export type RoundDecisionKind = (typeof ROUND_DECISIONS)[number];
export interface RoundDecision {
  decision: RoundDecisionKind;
  summary?: string;
  actorId: string;
}
export const decideRoundUpdate = defineUpdate<ParticipationStateView, [RoundDecision]>('decideRound');

/**
 * A proposal submitted to a call for proposals by a partner (a person of an
 * outside organization). The API fills `partnerId` and `organization` from
 * the caller's directory entry: a partner cannot speak for another organization.
 */
export interface ProposalSubmission {
  /** Lower-case code, unique within the call. */
  code: string;
  title: string;
  theme: string;
  summary: string;
  partnerId: string;
  organization: string;
}
export const submitProposalUpdate = defineUpdate<ParticipationStateView, [ProposalSubmission]>('submitProposal');

/**
 * The detail under which a participation names the outside organization it
 * belongs to: partners of that organization (and only they, among partners) read it.
 */
export const PARTNER_ORGANIZATION_DETAIL = 'partnerOrganization';

/** The detail by which a call for proposals says it is open to every partner, to read and to answer. */
export const OPEN_CALL_DETAIL = 'openCall';

/** Pauses or resumes a participation's recurring schedule (Washington watch). */
export interface MonitoringRequest {
  actorId: string;
  note?: string;
}
export const pauseMonitoringUpdate = defineUpdate<ParticipationStateView, [MonitoringRequest]>('pauseMonitoring');
export const resumeMonitoringUpdate = defineUpdate<ParticipationStateView, [MonitoringRequest]>('resumeMonitoring');

/** Sent by the Temporal Schedule's run to the participation it serves: a report is due. */
export interface ReportDue {
  scheduledAt: string;
}
export const reportDueSignal = defineSignal<[ReportDue]>('reportDue');

/**
 * Cancellation with a reason for a workflow that cannot send Updates: a parent
 * ending its children. Same effect as the `cancelParticipation` Update.
 */
export const cancelParticipationSignal = defineSignal<[{ reason: string; actorId: string }]>('cancelParticipationSignal');
