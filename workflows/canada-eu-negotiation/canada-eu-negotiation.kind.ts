import { defineKind } from '../kind-definition';
import { CANADA_EU_WORKFLOW } from './canada-eu-negotiation.contract';
import { canadaEuNegotiationEvents } from './canada-eu-negotiation.events';
import { canadaEuNegotiationLaunch, consultationPeriod } from './canada-eu-negotiation.launch';
import { canadaEuNegotiationStrings } from './canada-eu-negotiation.strings';

/** The Canada–EU trade and investment negotiation, round by round. */
export const canadaEuNegotiation = defineKind({
  kind: 'canada-eu-negotiation',
  workflowType: CANADA_EU_WORKFLOW,
  workflowModules: [require.resolve('./canada-eu-negotiation.workflow')],
  strings: canadaEuNegotiationStrings,
  launch: canadaEuNegotiationLaunch,
  plan: { priority: 'international-forums', initiative: 'trade-negotiations' },
  events: canadaEuNegotiationEvents,
  settings: [consultationPeriod],
});
