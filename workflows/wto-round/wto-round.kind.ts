import { defineKind } from '../kind-definition';
import { WTO_ROUND_WORKFLOW } from './wto-round.contract';
import { wtoRoundEvents } from './wto-round.events';
import { wtoRoundLaunch } from './wto-round.launch';
import { wtoRoundStrings } from './wto-round.strings';

/** A WTO negotiation round with the Canadian team. */
export const wtoRound = defineKind({
  kind: 'wto-round',
  workflowType: WTO_ROUND_WORKFLOW,
  workflowModules: [require.resolve('./wto-round.workflow')],
  strings: wtoRoundStrings,
  launch: wtoRoundLaunch,
  plan: { priority: 'international-forums', initiative: 'trade-negotiations' },
  events: wtoRoundEvents,
  sessions: true,
});
