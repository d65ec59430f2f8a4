import { defineKind } from '../kind-definition';
import { RATIFICATION_CAMPAIGN_WORKFLOW } from './ratification-campaign.contract';
import { ratificationCampaignEvents } from './ratification-campaign.events';
import { followUpInterval, ratificationCampaignLaunch } from './ratification-campaign.launch';
import { ratificationCampaignStrings } from './ratification-campaign.strings';

/** A campaign for the ratification of the Convention on the Diversity of Cultural Expressions, one child per country. */
export const ratificationCampaign = defineKind({
  kind: 'ratification-campaign',
  workflowType: RATIFICATION_CAMPAIGN_WORKFLOW,
  workflowModules: [require.resolve('./ratification-campaign.workflow'), require.resolve('./country-ratification.workflow')],
  strings: ratificationCampaignStrings,
  launch: ratificationCampaignLaunch,
  plan: { priority: 'international-forums', initiative: 'cultural-diversity', milestones: { 'ratifications-obtained': ['ratified'] } },
  events: ratificationCampaignEvents,
  settings: [followUpInterval],
});
