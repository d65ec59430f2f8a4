import {
  BUSINESS_KEY_PATTERN,
  TASK_TIMING_KEYS,
  checkParticipationInput,
  isText,
  type CarriedState,
  type ParticipationHeader,
  type ProposalSubmission,
  type TaskTiming,
} from '../kit/contracts';

export const PARTNER_REGIONS_EXCHANGE_WORKFLOW = 'partnerRegionsExchangeWorkflow';
export const PARTNER_PROJECT_WORKFLOW = 'partnerProjectWorkflow';

/** The exchanges the Conference of Heads of Government of Partner Regions promotes. */
export const EXCHANGE_THEMES = ['educational', 'environmental', 'scientific', 'technological'] as const;
export type ExchangeTheme = (typeof EXCHANGE_THEMES)[number];

export interface ExchangeTiming extends TaskTiming {
  /** One year of a funded project: a progress report at the end of each. */
  projectYearMs: number;
  cyclesPerRun: number;
}

/** The call for exchange projects. */
export interface PartnerRegionsExchangeInput extends ParticipationHeader {
  kind: 'partner-regions-exchange';
  themes: ExchangeTheme[];
  /** When the call closes to proposals (a dated step, movable). */
  closesAt: string;
  /** Who screens each proposal's eligibility. */
  screenerId: string;
  /** The selection committee: each proposal is approved (or not) by one of them. */
  selectionCommitteeIds: string[];
  /** How many years a funded project runs, with a progress report each year. */
  projectYears: number;
  timing: ExchangeTiming;
}

/** One proposal, then project, of an outside organization: a child of the call, with a participation of its own. */
export interface PartnerProjectInput extends ParticipationHeader {
  kind: 'partner-regions-exchange';
  callWorkflowId: string;
  proposal: ProposalSubmission;
  screenerId: string;
  selectionCommitteeIds: string[];
  projectYears: number;
  timing: ExchangeTiming;
  /** Set by the workflow itself when it continues as new during the project's years. */
  resume?: { anchorAt: string; nextCycle: number };
  carried?: CarriedState;
}

/** The project's workflow id: the call's, then the proposal's code. */
export const projectWorkflowId = (callWorkflowId: string, code: string) => `${callWorkflowId}/${code}`;

/** What is wrong with a proposal for this call (empty when it can be received). */
export function proposalProblems(themes: readonly string[], proposal: Partial<ProposalSubmission> | undefined): string[] {
  const problems: string[] = [];
  if (!proposal || typeof proposal !== 'object') return ['proposal must be an object'];
  if (typeof proposal.code !== 'string' || !BUSINESS_KEY_PATTERN.test(proposal.code) || proposal.code.length > 80) {
    problems.push('code must be a lower-case slug');
  }
  if (!themes.includes(proposal.theme as string)) problems.push(`theme must be one of ${themes.join(', ')}`);
  for (const field of ['title', 'summary', 'partnerId', 'organization'] as const) {
    if (!isText(proposal[field])) problems.push(`${field} must be a non-empty string`);
  }
  return problems;
}

const checkExchange = (input: Partial<PartnerRegionsExchangeInput | PartnerProjectInput> | undefined) =>
  checkParticipationInput(input, 'partner-regions-exchange')
    .text('screenerId')
    .list('selectionCommitteeIds', 1)
    .positiveInt('projectYears')
    .timing(...TASK_TIMING_KEYS, 'projectYearMs', 'cyclesPerRun');

export function validatePartnerRegionsExchangeInput(input: Partial<PartnerRegionsExchangeInput> | undefined): string[] {
  const themes = input?.themes;
  return checkExchange(input)
    .date('closesAt')
    .check(
      Array.isArray(themes) && themes.length > 0 && themes.every((t) => (EXCHANGE_THEMES as readonly unknown[]).includes(t)),
      `themes must list some of ${EXCHANGE_THEMES.join(', ')}`,
    ).problems;
}

export function validatePartnerProjectInput(input: Partial<PartnerProjectInput> | undefined): string[] {
  return checkExchange(input)
    .text('callWorkflowId')
    .check(proposalProblems(EXCHANGE_THEMES, input?.proposal).length === 0, 'proposal must be a well-formed proposal').problems;
}
