import { TASK_TIMING_KEYS, checkParticipationInput, isText, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const INTERN_PLACEMENT_WORKFLOW = 'internPlacementWorkflow';

export interface InternPlacementInput extends ParticipationHeader {
  kind: 'intern-placement';
  /** The applicant (identifier). */
  internId: string;
  /** Role that screens eligibility, e.g. `intern-office`: any of its members takes the task. */
  screeningGroup: string;
  /** Pre-departure steps, each a task for the intern (`visa`, `insurance`, `briefing`). */
  preDeparture: string[];
  placementStartsAt: string;
  placementEndsAt: string;
  timing: TaskTiming & { offerDeadlineMs: number };
}

export function validateInternPlacementInput(input: Partial<InternPlacementInput> | undefined): string[] {
  const checks = checkParticipationInput(input, 'intern-placement')
    .text('internId', 'screeningGroup')
    .date('placementStartsAt', 'placementEndsAt')
    .timing(...TASK_TIMING_KEYS, 'offerDeadlineMs');
  checks.check(Array.isArray(input?.preDeparture) && input.preDeparture.every(isText), 'preDeparture must list step codes');
  return checks.check(
    !input?.placementStartsAt || !input.placementEndsAt || Date.parse(input.placementStartsAt) < Date.parse(input.placementEndsAt),
    'placementEndsAt must follow placementStartsAt',
  ).problems;
}

/** The intern accepts or declines the organization's offer (events `intern.offer.accepted`, `intern.offer.declined`). */
export interface InternOfferAnswerData {
  businessKey: string;
  organization: string;
}
