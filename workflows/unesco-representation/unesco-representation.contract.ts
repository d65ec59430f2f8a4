import {
  TASK_TIMING_KEYS,
  checkParticipationInput,
  isDate,
  type CarriedState,
  type ParticipationHeader,
  type TaskTiming,
} from '../kit/contracts';

export const UNESCO_WORKFLOW = 'unescoRepresentationWorkflow';

export const UNESCO_BODIES = ['general-conference', 'executive-board'] as const;
export type UnescoBody = (typeof UNESCO_BODIES)[number];

export interface UnescoSession {
  body: UnescoBody;
  date: string;
}

export interface UnescoInput extends ParticipationHeader {
  kind: 'unesco-representation';
  /** The person nominated as permanent representative in Canada's delegation. */
  nomineeId: string;
  nominationApproverIds: string[];
  mandateYears: number;
  reportsPerYear: number;
  sessions: UnescoSession[];
  timing: TaskTiming & { federalResponseTimeoutMs: number; mandateYearMs: number; cyclesPerRun: number };
  /** Set by the workflow itself when it continues as new during the mandate. */
  resume?: { anchorAt: string; nextCycle: number };
  carried?: CarriedState;
}

export function validateUnescoInput(input: Partial<UnescoInput> | undefined): string[] {
  return checkParticipationInput(input, 'unesco-representation')
    .text('nomineeId')
    .list('nominationApproverIds', 1)
    .positiveInt('mandateYears', 'reportsPerYear')
    .list('sessions', 0, (s) => (UNESCO_BODIES as readonly unknown[]).includes(s.body) && isDate(s.date), 'a body with a date')
    .timing(...TASK_TIMING_KEYS, 'federalResponseTimeoutMs', 'mandateYearMs', 'cyclesPerRun').problems;
}
