import { UNESCO_WORKFLOW, type UnescoInput } from '@lib/contracts';
import type { KindLauncher } from './kind-registry';
import { isoDate, taskTiming } from './task-timing';
import { LaunchUnescoRepresentationDto } from './unesco-representation.launch.dto';

export const unescoLauncher: KindLauncher<LaunchUnescoRepresentationDto> = {
  kind: 'unesco-representation',
  workflowType: UNESCO_WORKFLOW,
  dto: LaunchUnescoRepresentationDto,
  toInput: (dto, header, config): UnescoInput => ({
    ...header,
    kind: 'unesco-representation',
    nomineeId: dto.nomineeId,
    nominationApproverIds: dto.nominationApproverIds,
    mandateYears: dto.mandateYears,
    reportsPerYear: dto.reportsPerYear,
    sessions: dto.sessions.map(({ body, date }) => ({ body, date: isoDate(date) })),
    timing: {
      ...taskTiming(config),
      federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs,
      mandateYearMs: config.durations.mandateYearMs,
      cyclesPerRun: config.cyclesPerRun,
    },
  }),
};
