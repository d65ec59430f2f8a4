import { BUSINESS_KEY_PATTERN } from '../participation/participation-kind';
import { isLocale } from '../participation/locale';
import type { WtoRoundInput } from './wto-round.contract';

/**
 * Checks a WTO round input again inside the workflow: another client (the
 * `temporal` CLI, a script) can start it without going through the API's DTOs.
 * Returns the problems found, empty when the input is sound.
 */
export function validateWtoRoundInput(input: Partial<WtoRoundInput> | undefined): string[] {
  if (!input || typeof input !== 'object') return ['input must be an object'];
  const problems: string[] = [];
  const text = (name: keyof WtoRoundInput) => {
    const value = input[name];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${String(name)} must be a non-empty string`);
  };
  (['participationId', 'businessKey', 'title', 'forum', 'coordinatorId', 'launchedAt'] as const).forEach(text);
  if (input.kind !== 'wto-round') problems.push('kind must be wto-round');
  if (typeof input.businessKey === 'string' && !BUSINESS_KEY_PATTERN.test(input.businessKey)) {
    problems.push('businessKey must be a lower-case slug');
  }
  if (!isLocale(input.locale)) problems.push('locale must be fr or en');
  if (!Array.isArray(input.issueAreas) || input.issueAreas.length === 0) {
    problems.push('issueAreas must list at least one area');
  } else if (
    input.issueAreas.some(
      (a) => !a || typeof a.area !== 'string' || (typeof a.expertId === 'string') === (typeof a.candidateGroup === 'string'),
    )
  ) {
    problems.push('each issue area needs an area and either an expertId or a candidateGroup');
  }
  if (!Array.isArray(input.mandateApproverIds) || input.mandateApproverIds.length === 0) {
    problems.push('mandateApproverIds must list at least one approver');
  }
  if (!Array.isArray(input.sessions)) {
    problems.push('sessions must be a list');
  } else if (input.sessions.some((s) => !s || Number.isNaN(Date.parse(s.date)) || typeof s.leadExpertId !== 'string')) {
    problems.push('each session needs an ISO date and a leadExpertId');
  }
  const timing = input.timing;
  if (!timing || typeof timing !== 'object') {
    problems.push('timing must be an object');
  } else {
    for (const key of ['federalResponseTimeoutMs', 'taskDueMs', 'taskReminderBeforeMs'] as const) {
      const value = timing[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        problems.push(`timing.${key} must be a non-negative number`);
      }
    }
  }
  return problems;
}
