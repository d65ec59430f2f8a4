/*
 * The workflow bundle's entry point: every workflow type the worker runs.
 * Only deterministic code is reachable from here.
 */
export { wtoRoundWorkflow } from './wto-round/wto-round.workflow';
export { canadaEuNegotiationWorkflow } from './canada-eu-negotiation/canada-eu-negotiation.workflow';
export { sppWorkingGroupWorkflow } from './spp-working-group/spp-working-group.workflow';
export { unescoRepresentationWorkflow } from './unesco-representation/unesco-representation.workflow';
export { ratificationCampaignWorkflow } from './ratification-campaign/ratification-campaign.workflow';
export { countryRatificationWorkflow } from './ratification-campaign/country-ratification.workflow';
export { internPlacementWorkflow } from './intern-placement/intern-placement.workflow';
export { expertTaskForceWorkflow } from './expert-task-force/expert-task-force.workflow';
export { regionalForumWorkflow } from './regional-forum/regional-forum.workflow';
export { washingtonWatchWorkflow } from './washington-watch/washington-watch.workflow';
export { washingtonWatchTickWorkflow } from './washington-watch/washington-watch-tick.workflow';
