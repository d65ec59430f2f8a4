import {
  isActorId,
  isDurationMs,
  isReasonableDate,
  participationHeaderProblems,
} from '../participation/input-checks';
import { BUSINESS_KEY_PATTERN } from '../participation/participation-kind';
import type { WtoRoundInput } from './wto-round.contract';

/**
 * Checks a WTO round input again inside the workflow: another client (the
 * `temporal` CLI, a script) can start it without going through the API's DTOs.
 * Returns the problems found, empty when the input is sound.
 */
export function validateWtoRoundInput(input: Partial<WtoRoundInput> | undefined, nowMs = Date.now()): string[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return ['input must be an object'];
  const problems = participationHeaderProblems(input as Record<string, unknown>, nowMs);
  if (input.kind !== 'wto-round') problems.push('kind must be wto-round');
  if (!Array.isArray(input.issueAreas) || input.issueAreas.length === 0 || input.issueAreas.length > 30) {
    problems.push('issueAreas must list 1 to 30 areas');
  } else if (
    input.issueAreas.some((a) => !a || typeof a.area !== 'string' || !BUSINESS_KEY_PATTERN.test(a.area) || !isActorId(a.expertId))
  ) {
    problems.push('each issue area needs an area (slug) and an expertId (identifier)');
  }
  if (
    !Array.isArray(input.mandateApproverIds) ||
    input.mandateApproverIds.length === 0 ||
    input.mandateApproverIds.length > 20 ||
    !input.mandateApproverIds.every(isActorId)
  ) {
    problems.push('mandateApproverIds must list 1 to 20 approver identifiers');
  }
  if (!Array.isArray(input.sessions) || input.sessions.length > 50) {
    problems.push('sessions must be a list of at most 50');
  } else if (input.sessions.some((s) => !s || !isReasonableDate(s.date, nowMs) || !isActorId(s.leadExpertId))) {
    problems.push('each session needs an ISO date and a leadExpertId (identifier)');
  }
  const timing = input.timing;
  if (!timing || typeof timing !== 'object') {
    problems.push('timing must be an object');
  } else {
    for (const key of ['federalResponseTimeoutMs', 'taskDueMs', 'taskReminderBeforeMs'] as const) {
      if (!isDurationMs(timing[key])) problems.push(`timing.${key} must be a number of milliseconds from 0 to ten years`);
    }
  }
  return problems;
}
