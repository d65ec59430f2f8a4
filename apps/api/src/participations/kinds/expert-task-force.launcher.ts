import { EXPERT_TASK_FORCE_WORKFLOW, type ExpertTaskForceInput } from '@lib/contracts';
import { LaunchExpertTaskForceDto } from './expert-task-force.launch.dto';
import type { KindLauncher } from './kind-registry';
import { isoDate, taskTiming } from './task-timing';

export const expertTaskForceLauncher: KindLauncher<LaunchExpertTaskForceDto> = {
  kind: 'expert-task-force',
  workflowType: EXPERT_TASK_FORCE_WORKFLOW,
  dto: LaunchExpertTaskForceDto,
  toInput: (dto, header, config): ExpertTaskForceInput => ({
    ...header,
    kind: 'expert-task-force',
    expertId: dto.expertId,
    nominationApproverIds: dto.nominationApproverIds,
    meetings: dto.meetings.map(({ date }) => ({ date: isoDate(date) })),
    reportCount: dto.reportCount,
    timing: { ...taskTiming(config), federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs },
  }),
};
