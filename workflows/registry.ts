import { bilateralMission } from './bilateral-mission/bilateral-mission.kind';
import { canadaEuNegotiation } from './canada-eu-negotiation/canada-eu-negotiation.kind';
import { expertTaskForce } from './expert-task-force/expert-task-force.kind';
import { internPlacement } from './intern-placement/intern-placement.kind';
import { internationalAgreement } from './international-agreement/international-agreement.kind';
import type { Kind } from './kind-definition';
import { officeRedeployment } from './office-redeployment/office-redeployment.kind';
import { partnerRegionsExchange } from './partner-regions-exchange/partner-regions-exchange.kind';
import { ratificationCampaign } from './ratification-campaign/ratification-campaign.kind';
import { regionalForum } from './regional-forum/regional-forum.kind';
import { sppWorkingGroup } from './spp-working-group/spp-working-group.kind';
import { unescoRepresentation } from './unesco-representation/unesco-representation.kind';
import { washingtonWatch } from './washington-watch/washington-watch.kind';
import { wtoRound } from './wto-round/wto-round.kind';

/** Checks that each kind is filed under its own code: `'wto-round': wtoRound`, never under another's. */
const byCode = <T extends { [Code in keyof T]: Kind<Code & string> }>(kinds: T): T => kinds;

/**
 * Every process kind of the plan, once: the only list of kinds. Adding a kind
 * is one folder under workflows/ and one line here (docs/kinds.md).
 */
export const KINDS = byCode({
  'wto-round': wtoRound,
  'canada-eu-negotiation': canadaEuNegotiation,
  'spp-working-group': sppWorkingGroup,
  'unesco-representation': unescoRepresentation,
  'ratification-campaign': ratificationCampaign,
  'intern-placement': internPlacement,
  'expert-task-force': expertTaskForce,
  'regional-forum': regionalForum,
  'washington-watch': washingtonWatch,
  'international-agreement': internationalAgreement,
  'bilateral-mission': bilateralMission,
  'partner-regions-exchange': partnerRegionsExchange,
  'office-redeployment': officeRedeployment,
});

export type ParticipationKind = keyof typeof KINDS;
