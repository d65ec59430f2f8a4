import { CANADA_EU_WORKFLOW, type CanadaEuInput } from '@lib/contracts';
import { LaunchCanadaEuNegotiationDto } from './canada-eu-negotiation.launch.dto';
import type { KindLauncher } from './kind-registry';
import { taskTiming } from './task-timing';

export const canadaEuLauncher: KindLauncher<LaunchCanadaEuNegotiationDto> = {
  kind: 'canada-eu-negotiation',
  workflowType: CANADA_EU_WORKFLOW,
  dto: LaunchCanadaEuNegotiationDto,
  toInput: (dto, header, config): CanadaEuInput => ({
    ...header,
    kind: 'canada-eu-negotiation',
    chapters: dto.chapters.map(({ chapter, expertId }) => ({ chapter, expertId })),
    consultation: dto.consultation.map(({ group, liaisonId }) => ({ group, liaisonId })),
    mandateApproverIds: dto.mandateApproverIds,
    timing: { ...taskTiming(config), consultationMs: config.durations.consultationMs },
  }),
};
