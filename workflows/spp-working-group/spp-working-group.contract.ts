import { TASK_TIMING_KEYS, checkParticipationInput, isDate, isText, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const SPP_WORKFLOW = 'sppWorkingGroupWorkflow';

export interface SppMeeting {
  date: string;
  leadExpertId: string;
}

export interface SppDeliverable {
  /** Deliverable code in the working group's work plan, e.g. `regulatory-inventory`. */
  code: string;
  expertId: string;
}

export interface SppInput extends ParticipationHeader {
  kind: 'spp-working-group';
  /** Working group code, e.g. `regulatory-cooperation`. */
  workingGroup: string;
  meetings: SppMeeting[];
  deliverables: SppDeliverable[];
  reportAuthorId: string;
  timing: TaskTiming;
}

export function validateSppInput(input: Partial<SppInput> | undefined): string[] {
  return checkParticipationInput(input, 'spp-working-group')
    .text('workingGroup', 'reportAuthorId')
    .list('meetings', 0, (m) => isDate(m.date) && isText(m.leadExpertId), 'a date with a leadExpertId')
    .list('deliverables', 0, (d) => isText(d.code) && isText(d.expertId), 'a code with an expertId')
    .timing(...TASK_TIMING_KEYS).problems;
}
