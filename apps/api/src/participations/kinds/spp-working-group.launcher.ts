import { SPP_WORKFLOW, type SppInput } from '@lib/contracts';
import type { KindLauncher } from './kind-registry';
import { LaunchSppWorkingGroupDto } from './spp-working-group.launch.dto';
import { isoDate, taskTiming } from './task-timing';

export const sppLauncher: KindLauncher<LaunchSppWorkingGroupDto> = {
  kind: 'spp-working-group',
  workflowType: SPP_WORKFLOW,
  dto: LaunchSppWorkingGroupDto,
  toInput: (dto, header, config): SppInput => ({
    ...header,
    kind: 'spp-working-group',
    workingGroup: dto.workingGroup,
    meetings: dto.meetings.map(({ date, leadExpertId }) => ({ date: isoDate(date), leadExpertId })),
    deliverables: dto.deliverables.map(({ code, expertId }) => ({ code, expertId })),
    reportAuthorId: dto.reportAuthorId,
    timing: taskTiming(config),
  }),
};
