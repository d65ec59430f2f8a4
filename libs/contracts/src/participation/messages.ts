import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ParticipationOutcome } from './participation-status';
import type { ParticipationStateView } from './state';
import type { TaskDeliverable, TaskView } from './task';

/*
 * Human steps shared by every participation kind. Updates give the caller an
 * immediate answer: the validator rejects a request that does not fit the
 * workflow's state, with an ApplicationFailure whose type is a FAILURE_TYPES value.
 */

export interface CompleteTaskRequest {
  taskId: string;
  actorId: string;
  deliverable: TaskDeliverable;
  requestId?: string;
}
export const completeTaskUpdate = defineUpdate<TaskView, [CompleteTaskRequest]>('completeTask');

export const FEDERAL_DECISIONS = ['granted', 'refused'] as const;
export type FederalDecision = (typeof FEDERAL_DECISIONS)[number];
export interface FederalResponse {
  decision: FederalDecision;
  note?: string;
  actorId: string;
}
export const recordFederalResponseUpdate = defineUpdate<ParticipationStateView, [FederalResponse]>('recordFederalResponse');

export const APPROVAL_DECISIONS = ['approve', 'revise', 'reject'] as const;
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number];
export interface ApprovalDecision {
  decision: ApprovalDecisionKind;
  comments?: string;
  approverId: string;
}
export const decideApprovalUpdate = defineUpdate<ParticipationStateView, [ApprovalDecision]>('decideApproval');

export const CLOSING_OUTCOMES = ['concluded', 'suspended', 'withdrawn'] as const satisfies readonly ParticipationOutcome[];
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];
export interface CloseRequest {
  outcome: ClosingOutcome;
  summary?: string;
  actorId: string;
}
export const closeParticipationUpdate = defineUpdate<ParticipationStateView, [CloseRequest]>('closeParticipation');

export interface CancelRequest {
  reason: string;
  actorId: string;
}
export const cancelParticipationUpdate = defineUpdate<ParticipationStateView, [CancelRequest]>('cancelParticipation');

/**
 * Sent with the start (Update-with-Start): answers once the participation's row
 * is committed, so the launch can answer without polling and be read at once.
 */
export const participationRegisteredUpdate = defineUpdate<{ participationId: string }>('participationRegistered');

export const getStateQuery = defineQuery<ParticipationStateView>('getState');
