import { TASK_TIMING_KEYS, checkParticipationInput, isDate, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const EXPERT_TASK_FORCE_WORKFLOW = 'expertTaskForceWorkflow';

export interface ExpertTaskForceInput extends ParticipationHeader {
  kind: 'expert-task-force';
  /** The expert nominated to the organization's task force. */
  expertId: string;
  nominationApproverIds: string[];
  meetings: { date: string }[];
  /** How many reports the expert hands in after the meetings. */
  reportCount: number;
  timing: TaskTiming & { federalResponseTimeoutMs: number };
}

export function validateExpertTaskForceInput(input: Partial<ExpertTaskForceInput> | undefined): string[] {
  return checkParticipationInput(input, 'expert-task-force')
    .text('expertId')
    .list('nominationApproverIds', 1)
    .list('meetings', 0, (m) => isDate(m.date), 'a date')
    .positiveInt('reportCount')
    .timing(...TASK_TIMING_KEYS, 'federalResponseTimeoutMs').problems;
}
