import { WASHINGTON_WATCH_WORKFLOW, type WashingtonWatchInput } from '@lib/contracts';
import type { KindLauncher } from './kind-registry';
import { taskTiming } from './task-timing';
import { LaunchWashingtonWatchDto } from './washington-watch.launch.dto';

export const washingtonWatchLauncher: KindLauncher<LaunchWashingtonWatchDto> = {
  kind: 'washington-watch',
  workflowType: WASHINGTON_WATCH_WORKFLOW,
  dto: LaunchWashingtonWatchDto,
  toInput: (dto, header, config): WashingtonWatchInput => ({
    ...header,
    kind: 'washington-watch',
    institutions: dto.institutions,
    analystId: dto.analystId,
    timing: {
      ...taskTiming(config),
      reportIntervalMs: config.durations.watchReportIntervalMs,
      cyclesPerRun: config.cyclesPerRun,
    },
  }),
};
