import { TASK_TIMING_KEYS, checkParticipationInput, isDate, isText, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

export const BILATERAL_MISSION_WORKFLOW = 'bilateralMissionWorkflow';

/** A mission of the government to the partner state, or a visit of the partner's delegation to Québec. */
export const MISSION_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type MissionDirection = (typeof MISSION_DIRECTIONS)[number];

export interface MissionMeeting {
  /** Stable code of the meeting (`governor`, `chamber-of-commerce`). */
  code: string;
  /** Who writes the meeting's briefing note. */
  briefingAuthorId: string;
}

export interface FollowUpAction {
  /** Stable code of the action (`trade-office-visit`). */
  action: string;
  ownerId: string;
  dueAt: string;
}

/** What the mission needs to start an agreement it decides to pursue (built by its launch from the agreement kind). */
export interface AgreementLink {
  kind: string;
  workflowType: string;
  /** The agreement's own durations. */
  timing: Record<string, number>;
  followUpReports: number;
}

export interface BilateralMissionInput extends ParticipationHeader {
  kind: 'bilateral-mission';
  direction: MissionDirection;
  /** Reference codes: the country, and the federated state or region. */
  countryCode: string;
  federatedStateCode: string;
  /** The people of the directory who travel (or receive). */
  delegationIds: string[];
  meetings: MissionMeeting[];
  /** When the mission starts (a dated step, movable). */
  missionDate: string;
  followUpActions: FollowUpAction[];
  agreement: AgreementLink;
  timing: TaskTiming & { federalResponseTimeoutMs: number };
}

/** `mission.host.confirmed`: the host government confirms the programme. */
export interface HostConfirmedData {
  businessKey: string;
  note?: string;
}

export function validateBilateralMissionInput(input: Partial<BilateralMissionInput> | undefined): string[] {
  return checkParticipationInput(input, 'bilateral-mission')
    .text('countryCode', 'federatedStateCode')
    .check(
      (MISSION_DIRECTIONS as readonly unknown[]).includes(input?.direction),
      `direction must be one of ${MISSION_DIRECTIONS.join(', ')}`,
    )
    .list('delegationIds', 1)
    .list('meetings', 1, (m) => isText(m.code) && isText(m.briefingAuthorId), 'a code with a briefing author')
    .date('missionDate')
    .list('followUpActions', 0, (a) => isText(a.action) && isText(a.ownerId) && isDate(a.dueAt), 'an action with an owner and a due date')
    .check(
      !!input?.agreement && isText(input.agreement.kind) && isText(input.agreement.workflowType),
      'agreement must name the kind to start',
    )
    .timing(...TASK_TIMING_KEYS, 'federalResponseTimeoutMs').problems;
}
