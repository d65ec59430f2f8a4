import { TASK_TIMING_KEYS, checkParticipationInput, isText, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const OFFICE_REDEPLOYMENT_WORKFLOW = 'officeRedeploymentWorkflow';

/** What is done to the delegation or office abroad. */
export const OFFICE_ACTIONS = ['open', 'upgrade', 'move', 'close'] as const;
export type OfficeAction = (typeof OFFICE_ACTIONS)[number];

/** One premises or staffing task before the effective date. */
export interface PreparationStep {
  /** Stable code (`lease`, `head-of-post`). */
  code: string;
  area: 'premises' | 'staffing';
  ownerId: string;
}

export interface OfficeRedeploymentInput extends ParticipationHeader {
  kind: 'office-redeployment';
  action: OfficeAction;
  /** Reference codes: the office, and the host country. */
  officeCode: string;
  countryCode: string;
  /** Why, in a sentence or two (the proposal's rationale). */
  rationale: string;
  /** Estimated yearly cost, in Canadian dollars. */
  estimatedCost: number;
  /** Who analyses the proposal. */
  analystId: string;
  /** Who takes the government's decision (its approval). */
  decisionApproverIds: string[];
  preparations: PreparationStep[];
  /** The opening, move or closing date (a dated step, movable). */
  effectiveDate: string;
  timing: TaskTiming & { federalResponseTimeoutMs: number; reviewDelayMs: number };
}

/** `office.host.acknowledged`: the host country acknowledges the notice. */
export interface HostAcknowledgedData {
  businessKey: string;
  note?: string;
}

export function validateOfficeRedeploymentInput(input: Partial<OfficeRedeploymentInput> | undefined): string[] {
  return checkParticipationInput(input, 'office-redeployment')
    .text('officeCode', 'countryCode', 'rationale', 'analystId')
    .check((OFFICE_ACTIONS as readonly unknown[]).includes(input?.action), `action must be one of ${OFFICE_ACTIONS.join(', ')}`)
    .check(typeof input?.estimatedCost === 'number' && input.estimatedCost >= 0, 'estimatedCost must be a non-negative number')
    .list('decisionApproverIds', 1)
    .list(
      'preparations',
      0,
      (s) => isText(s.code) && isText(s.ownerId) && (s.area === 'premises' || s.area === 'staffing'),
      'a premises or staffing step with an owner',
    )
    .date('effectiveDate')
    .timing(...TASK_TIMING_KEYS, 'federalResponseTimeoutMs', 'reviewDelayMs').problems;
}
