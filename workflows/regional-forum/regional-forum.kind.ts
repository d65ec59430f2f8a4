import { defineKind } from '../kind-definition';
import { REGIONAL_FORUM_WORKFLOW } from './regional-forum.contract';
import { regionalForumLaunch } from './regional-forum.launch';
import { regionalForumStrings } from './regional-forum.strings';

/** The government at a regional forum (AER, REGLEG, Partner Regions). */
export const regionalForum = defineKind({
  kind: 'regional-forum',
  workflowType: REGIONAL_FORUM_WORKFLOW,
  workflowModules: [require.resolve('./regional-forum.workflow')],
  strings: regionalForumStrings,
  launch: regionalForumLaunch,
  plan: { priority: 'decision-makers', initiative: 'regional-networks' },
  sessions: true,
});
