import { defineQuery, defineSignal } from '@temporalio/workflow';
import {
  TASK_TIMING_KEYS,
  checkParticipationInput,
  isText,
  type CarriedState,
  type ParticipationHeader,
  type TaskTiming,
} from '../kit/contracts';

export const RATIFICATION_CAMPAIGN_WORKFLOW = 'ratificationCampaignWorkflow';
export const COUNTRY_RATIFICATION_WORKFLOW = 'countryRatificationWorkflow';

/** Where one target country stands; also the child workflow's phase. */
export const COUNTRY_STATUSES = ['not-contacted', 'contacted', 'in-process', 'ratified', 'declined'] as const;
export type CountryStatus = (typeof COUNTRY_STATUSES)[number];

/** What a follow-up task may report (the `status` field of its deliverable). */
export const FOLLOW_UP_STATUSES = ['no-change', 'in-process', 'declined'] as const;

export interface RatificationTarget {
  /** ISO 3166-1 alpha-2 code, lower case (`br`, `sn`, `vn`). */
  country: string;
  /** Who leads the outreach to this country. */
  liaisonId: string;
}

export type CampaignTiming = TaskTiming & { followUpMs: number };

export interface RatificationCampaignInput extends ParticipationHeader {
  kind: 'ratification-campaign';
  /** The convention's code, e.g. `unesco-2005-diversity`. */
  convention: string;
  targets: RatificationTarget[];
  /** Ratifications that make the campaign a success. */
  targetCount: number;
  endsAt: string;
  timing: CampaignTiming;
}

/** One child per target country; its workflow id is the campaign's plus `/<country>`. */
export function countryWorkflowId(campaignWorkflowId: string, country: string): string {
  return `${campaignWorkflowId}/${country}`;
}

export interface CountryRatificationInput extends ParticipationHeader {
  kind: 'ratification-campaign';
  campaignWorkflowId: string;
  country: string;
  liaisonId: string;
  timing: CampaignTiming;
  resume?: { status: CountryStatus; followUps: number };
  carried?: CarriedState;
}

export interface CountryStatusChange {
  country: string;
  status: CountryStatus;
}
export const countryStatusSignal = defineSignal<[CountryStatusChange]>('countryStatus');

export interface CampaignProgress {
  ratified: number;
  declined: number;
  target: number;
  countries: Record<string, CountryStatus>;
  endsAt: string;
}
export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');

export function validateRatificationCampaignInput(input: Partial<RatificationCampaignInput> | undefined): string[] {
  const checks = checkParticipationInput(input, 'ratification-campaign')
    .text('convention')
    .date('endsAt')
    .positiveInt('targetCount')
    .list('targets', 1, (t) => isText(t.country) && isText(t.liaisonId), 'a country with a liaisonId')
    .timing(...TASK_TIMING_KEYS, 'followUpMs');
  const targets = Array.isArray(input?.targets) ? input.targets : [];
  return checks.check(
    typeof input?.targetCount !== 'number' || input.targetCount <= targets.length,
    'targetCount must not exceed the number of targets',
  ).problems;
}

export function validateCountryRatificationInput(input: Partial<CountryRatificationInput> | undefined): string[] {
  return checkParticipationInput(input, 'ratification-campaign')
    .text('campaignWorkflowId', 'country', 'liaisonId')
    .timing(...TASK_TIMING_KEYS, 'followUpMs').problems;
}

/** A country deposits its instrument of ratification (event `convention.ratified`); `campaignKey` narrows it to one campaign. */
export interface ConventionRatifiedData {
  country: string;
  campaignKey?: string;
}
