import { defineKind } from '../kind-definition';
import { WASHINGTON_WATCH_WORKFLOW } from './washington-watch.contract';
import { reportInterval, washingtonWatchLaunch } from './washington-watch.launch';
import { washingtonWatchStrings } from './washington-watch.strings';

/** Following the OAS and the World Bank from Washington. */
export const washingtonWatch = defineKind({
  kind: 'washington-watch',
  workflowType: WASHINGTON_WATCH_WORKFLOW,
  workflowModules: [require.resolve('./washington-watch.workflow'), require.resolve('./washington-watch-tick.workflow')],
  strings: washingtonWatchStrings,
  launch: washingtonWatchLaunch,
  plan: { priority: 'international-forums', initiative: 'multilateral-watch' },
  settings: [reportInterval],
});
