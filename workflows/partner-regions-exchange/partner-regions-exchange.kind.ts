import { defineKind } from '../kind-definition';
import { PARTNER_REGIONS_EXCHANGE_WORKFLOW } from './partner-regions-exchange.contract';
import { partnerRegionsExchangeEvents } from './partner-regions-exchange.events';
import { exchangeProjectYear, partnerRegionsExchangeLaunch } from './partner-regions-exchange.launch';
import { partnerRegionsExchangeStrings } from './partner-regions-exchange.strings';

/** A call for exchange projects under the Partner Regions conference, and the projects of outside organizations it funds. */
export const partnerRegionsExchange = defineKind({
  kind: 'partner-regions-exchange',
  workflowType: PARTNER_REGIONS_EXCHANGE_WORKFLOW,
  workflowModules: [require.resolve('./partner-regions-exchange.workflow'), require.resolve('./partner-project.workflow')],
  strings: partnerRegionsExchangeStrings,
  plan: { priority: 'decision-makers', initiative: 'partner-regions-exchanges' },
  launch: partnerRegionsExchangeLaunch,
  events: partnerRegionsExchangeEvents,
  settings: [exchangeProjectYear],
  // Told to the outside world beyond the kit's catalogue (docs/events.md): a proposal in, from a partner organization.
  publishes: [
    {
      type: 'exchange.proposal-received',
      actions: ['proposal.received'],
      description: {
        fr: 'Une organisation partenaire soumet un projet d’échange à un appel.',
        en: 'A partner organization submitted an exchange project to a call.',
      },
    },
  ],
  sessions: true,
});
