import { INTERN_PLACEMENT_WORKFLOW, type InternPlacementInput } from '@lib/contracts';
import { LaunchInternPlacementDto } from './intern-placement.launch.dto';
import type { KindLauncher } from './kind-registry';
import { isoDate, taskTiming } from './task-timing';

export const internLauncher: KindLauncher<LaunchInternPlacementDto> = {
  kind: 'intern-placement',
  workflowType: INTERN_PLACEMENT_WORKFLOW,
  dto: LaunchInternPlacementDto,
  toInput: (dto, header, config): InternPlacementInput => ({
    ...header,
    kind: 'intern-placement',
    internId: dto.internId,
    screeningGroup: dto.screeningGroup,
    preDeparture: dto.preDeparture,
    placementStartsAt: isoDate(dto.placementStartsAt),
    placementEndsAt: isoDate(dto.placementEndsAt),
    timing: { ...taskTiming(config), offerDeadlineMs: config.durations.internOfferDeadlineMs },
  }),
};
