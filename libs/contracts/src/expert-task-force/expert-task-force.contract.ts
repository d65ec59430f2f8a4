import { checkParticipationInput, isDate } from '../participation/input-checks';
import type { ParticipationHeader } from '../participation/state';
import { TASK_TIMING_KEYS, type TaskTiming } from '../participation/timing';

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
