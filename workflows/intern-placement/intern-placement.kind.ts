import { defineKind } from '../kind-definition';
import { INTERN_PLACEMENT_WORKFLOW } from './intern-placement.contract';
import { internPlacementEvents } from './intern-placement.events';
import { internPlacementLaunch, offerDeadline } from './intern-placement.launch';
import { internPlacementStrings } from './intern-placement.strings';

/** An intern placed in an international organization. */
export const internPlacement = defineKind({
  kind: 'intern-placement',
  workflowType: INTERN_PLACEMENT_WORKFLOW,
  workflowModules: [require.resolve('./intern-placement.workflow')],
  strings: internPlacementStrings,
  launch: internPlacementLaunch,
  plan: { priority: 'international-forums', initiative: 'expertise-abroad', milestones: { 'interns-placed': ['placement'] } },
  events: internPlacementEvents,
  settings: [offerDeadline],
});
