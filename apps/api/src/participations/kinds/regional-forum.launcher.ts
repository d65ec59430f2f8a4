import { REGIONAL_FORUM_WORKFLOW, type RegionalForumInput } from '@lib/contracts';
import type { KindLauncher } from './kind-registry';
import { LaunchRegionalForumDto } from './regional-forum.launch.dto';
import { isoDate, taskTiming } from './task-timing';

export const regionalForumLauncher: KindLauncher<LaunchRegionalForumDto> = {
  kind: 'regional-forum',
  workflowType: REGIONAL_FORUM_WORKFLOW,
  dto: LaunchRegionalForumDto,
  toInput: (dto, header, config): RegionalForumInput => ({
    ...header,
    kind: 'regional-forum',
    sessionDate: isoDate(dto.sessionDate),
    briefingAuthorId: dto.briefingAuthorId,
    timing: taskTiming(config),
  }),
};
