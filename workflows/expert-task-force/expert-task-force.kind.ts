import { defineKind } from '../kind-definition';
import { EXPERT_TASK_FORCE_WORKFLOW } from './expert-task-force.contract';
import { expertTaskForceLaunch } from './expert-task-force.launch';
import { expertTaskForceStrings } from './expert-task-force.strings';

/** An expert in an international task force. */
export const expertTaskForce = defineKind({
  kind: 'expert-task-force',
  workflowType: EXPERT_TASK_FORCE_WORKFLOW,
  workflowModules: [require.resolve('./expert-task-force.workflow')],
  strings: expertTaskForceStrings,
  launch: expertTaskForceLaunch,
  plan: {
    priority: 'international-forums',
    initiative: 'expertise-abroad',
    milestones: { 'experts-in-task-forces': ['task-force-meetings'] },
  },
  sessions: true,
});
