import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { participationWorkflowId } from '../../libs/contracts/src';
import { IsSlug } from '../../libs/validation/src';
import type { KindEvent, ParticipationLookup } from '../kind-definition';
import { countryWorkflowId, type ConventionRatifiedData } from './ratification-campaign.contract';

export class ConventionRatifiedDataDto {
  @ApiProperty({ example: 'br', description: 'ISO 3166-1 alpha-2 code, lower case.' })
  @Matches(/^[a-z]{2}$/)
  country: string;

  @ApiPropertyOptional({
    example: 'diversity-2027',
    description: 'Only this campaign; every active campaign targeting the country otherwise.',
  })
  @IsOptional()
  @IsSlug()
  campaignKey?: string;
}

/** The active country workflows of every campaign (or of the one named) that targets this country. */
function countriesInPlay(data: Record<string, unknown>, lookup: ParticipationLookup): Promise<string[]> {
  const { country, campaignKey } = data as unknown as ConventionRatifiedData;
  const campaign = campaignKey ? participationWorkflowId('ratification-campaign', campaignKey) : undefined;
  return lookup.activeWorkflowIds({
    kind: 'ratification-campaign',
    details: { country },
    workflowId: campaign ? countryWorkflowId(campaign, country) : undefined,
  });
}

/** A country deposits its instrument of ratification: every campaign that targets it hears it. */
export const ratificationCampaignEvents: Record<string, KindEvent> = {
  'convention.ratified': { data: ConventionRatifiedDataDto, route: { to: 'lookup', find: countriesInPlay } },
};
