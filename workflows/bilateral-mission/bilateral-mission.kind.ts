import { defineKind } from '../kind-definition';
import { BILATERAL_MISSION_WORKFLOW } from './bilateral-mission.contract';
import { bilateralMissionEvents } from './bilateral-mission.events';
import { bilateralMissionLaunch } from './bilateral-mission.launch';
import { bilateralMissionStrings } from './bilateral-mission.strings';

/** A mission to, or a visit from, an American or Mexican state (or another federated state or region). */
export const bilateralMission = defineKind({
  kind: 'bilateral-mission',
  workflowType: BILATERAL_MISSION_WORKFLOW,
  workflowModules: [require.resolve('./bilateral-mission.workflow')],
  strings: bilateralMissionStrings,
  plan: { priority: 'decision-makers', initiative: 'north-american-partnership', milestones: { 'missions-held': ['follow-up-actions'] } },
  launch: bilateralMissionLaunch,
  events: bilateralMissionEvents,
  sessions: true,
});
