import { defineKind } from '../kind-definition';
import { UNESCO_WORKFLOW } from './unesco-representation.contract';
import { mandateYear, unescoRepresentationLaunch } from './unesco-representation.launch';
import { unescoRepresentationStrings } from './unesco-representation.strings';

/** The permanent representative in Canada’s delegation to UNESCO. */
export const unescoRepresentation = defineKind({
  kind: 'unesco-representation',
  workflowType: UNESCO_WORKFLOW,
  workflowModules: [require.resolve('./unesco-representation.workflow')],
  strings: unescoRepresentationStrings,
  launch: unescoRepresentationLaunch,
  plan: { priority: 'international-forums', initiative: 'unesco-presence' },
  settings: [mandateYear],
  sessions: true,
});
