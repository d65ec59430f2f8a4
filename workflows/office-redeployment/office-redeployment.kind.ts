import { defineKind } from '../kind-definition';
import { OFFICE_REDEPLOYMENT_WORKFLOW } from './office-redeployment.contract';
import { officeRedeploymentEvents } from './office-redeployment.events';
import { officeRedeploymentLaunch, officeReviewDelay } from './office-redeployment.launch';
import { officeRedeploymentStrings } from './office-redeployment.strings';

/** Opening, upgrading, moving or closing a delegation or office abroad. */
export const officeRedeployment = defineKind({
  kind: 'office-redeployment',
  workflowType: OFFICE_REDEPLOYMENT_WORKFLOW,
  workflowModules: [require.resolve('./office-redeployment.workflow')],
  strings: officeRedeploymentStrings,
  plan: { priority: 'decision-makers', initiative: 'network-redeployment' },
  launch: officeRedeploymentLaunch,
  events: officeRedeploymentEvents,
  settings: [officeReviewDelay],
  sessions: true,
});
