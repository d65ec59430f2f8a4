import { RATIFICATION_CAMPAIGN_WORKFLOW, type RatificationCampaignInput } from '@lib/contracts';
import type { KindLauncher } from './kind-registry';
import { LaunchRatificationCampaignDto } from './ratification-campaign.launch.dto';
import { isoDate, taskTiming } from './task-timing';

export const ratificationLauncher: KindLauncher<LaunchRatificationCampaignDto> = {
  kind: 'ratification-campaign',
  workflowType: RATIFICATION_CAMPAIGN_WORKFLOW,
  dto: LaunchRatificationCampaignDto,
  toInput: (dto, header, config): RatificationCampaignInput => ({
    ...header,
    kind: 'ratification-campaign',
    convention: dto.convention,
    targets: dto.targets.map(({ country, liaisonId }) => ({ country, liaisonId })),
    targetCount: dto.targetCount,
    endsAt: isoDate(dto.endsAt),
    timing: { ...taskTiming(config), followUpMs: config.durations.followUpMs },
  }),
};
