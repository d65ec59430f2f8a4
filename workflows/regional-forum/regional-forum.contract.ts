import { TASK_TIMING_KEYS, checkParticipationInput, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const REGIONAL_FORUM_WORKFLOW = 'regionalForumWorkflow';

/** Assembly of European Regions, REGLEG, Conference of Heads of Government of Partner Regions. */
export const REGIONAL_FORUMS = ['aer', 'regleg', 'partner-regions'] as const;
export type RegionalForum = (typeof REGIONAL_FORUMS)[number];

export interface RegionalForumInput extends ParticipationHeader {
  kind: 'regional-forum';
  /** When the forum's session opens. */
  sessionDate: string;
  /** Who writes the delegate's briefing note. */
  briefingAuthorId: string;
  timing: TaskTiming;
}

export function validateRegionalForumInput(input: Partial<RegionalForumInput> | undefined): string[] {
  return checkParticipationInput(input, 'regional-forum')
    .text('briefingAuthorId')
    .date('sessionDate')
    .check((REGIONAL_FORUMS as readonly unknown[]).includes(input?.forum), `forum must be one of ${REGIONAL_FORUMS.join(', ')}`)
    .timing(...TASK_TIMING_KEYS).problems;
}
