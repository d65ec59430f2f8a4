import {
  TASK_TIMING_KEYS,
  checkParticipationInput,
  isDate,
  type CarriedState,
  type ParticipationHeader,
  type TaskTiming,
} from '../kit/contracts';

export const INTERNATIONAL_AGREEMENT_WORKFLOW = 'internationalAgreementWorkflow';

/**
 * How another participation starts an agreement it decided to pursue (a
 * bilateral mission): the kind and workflow type to start, so that only this
 * folder names them.
 */
export const AGREEMENT_START = { kind: 'international-agreement', workflowType: INTERNATIONAL_AGREEMENT_WORKFLOW } as const;

/** Who the agreement is made with: the federal government hears of those with a foreign state. */
export const COUNTERPART_TYPES = ['foreign-state', 'federated-state', 'international-organization'] as const;
export type CounterpartType = (typeof COUNTERPART_TYPES)[number];

export interface AgreementRound {
  /** When the drafting session with the counterpart opens. */
  date: string;
}

export interface AgreementTiming extends TaskTiming {
  federalResponseTimeoutMs: number;
  /** One period of the follow-up committee: a report at the end of each. */
  reportPeriodMs: number;
  cyclesPerRun: number;
}

/** What a continued run (follow-up committee, continue-as-new) resumes from. */
export interface AgreementResume {
  anchorAt: string;
  nextCycle: number;
  /** 1 for the agreement's first term, one more at each renewal. */
  term: number;
}

export interface InternationalAgreementInput extends ParticipationHeader {
  kind: 'international-agreement';
  counterpartType: CounterpartType;
  /** The counterpart's reference code (country, federated state or organization). */
  counterpartCode: string;
  mandateApproverIds: string[];
  /** Drafts the positions of each round and attends its sessions. */
  negotiatorId: string;
  legalAdvisorId: string;
  /** The drafting rounds planned at launch; more are dated by the coordinator when needed. */
  rounds: AgreementRound[];
  /** The signing session (a dated step, movable). */
  signatureDate: string;
  /** An important international commitment: tabled in the National Assembly, approved, then ratified. */
  important: boolean;
  /** Reports of the follow-up committee in one term, before expiry or renewal. */
  followUpReports: number;
  timing: AgreementTiming;
  resume?: AgreementResume;
  carried?: CarriedState;
}

/** `agreement.entered-into-force`: the counterpart's notice that the agreement is in force. */
export interface AgreementInForceData {
  businessKey: string;
  inForceOn: string;
}

/** `agreement.terminated`: the counterpart denounces the agreement. */
export interface AgreementTerminatedData {
  businessKey: string;
  note?: string;
}

export function validateInternationalAgreementInput(input: Partial<InternationalAgreementInput> | undefined): string[] {
  return checkParticipationInput(input, 'international-agreement')
    .text('counterpartCode', 'negotiatorId', 'legalAdvisorId')
    .check(
      (COUNTERPART_TYPES as readonly unknown[]).includes(input?.counterpartType),
      `counterpartType must be one of ${COUNTERPART_TYPES.join(', ')}`,
    )
    .list('mandateApproverIds', 1)
    .list('rounds', 1, (r) => isDate(r.date), 'a date')
    .date('signatureDate')
    .check(typeof input?.important === 'boolean', 'important must be true or false')
    .positiveInt('followUpReports')
    .timing(...TASK_TIMING_KEYS, 'federalResponseTimeoutMs', 'reportPeriodMs', 'cyclesPerRun').problems;
}
