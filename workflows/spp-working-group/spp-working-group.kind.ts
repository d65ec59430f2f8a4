import { defineKind } from '../kind-definition';
import { SPP_WORKFLOW } from './spp-working-group.contract';
import { sppWorkingGroupLaunch } from './spp-working-group.launch';
import { sppWorkingGroupStrings } from './spp-working-group.strings';

/** A Security and Prosperity Partnership working group. */
export const sppWorkingGroup = defineKind({
  kind: 'spp-working-group',
  workflowType: SPP_WORKFLOW,
  workflowModules: [require.resolve('./spp-working-group.workflow')],
  strings: sppWorkingGroupStrings,
  launch: sppWorkingGroupLaunch,
  plan: { priority: 'decision-makers', initiative: 'north-american-partnership' },
  sessions: true,
});
