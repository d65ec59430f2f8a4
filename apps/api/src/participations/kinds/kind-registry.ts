import type { ClassConstructor } from 'class-transformer';
import { WTO_ROUND_WORKFLOW, type ParticipationHeader, type ParticipationKind, type WtoRoundInput } from '@lib/contracts';
import type { AppConfig } from '@lib/config';
import { LaunchWtoRoundDto } from './wto-round.launch.dto';
import { canadaEuLauncher } from './canada-eu-negotiation.launcher';
import { sppLauncher } from './spp-working-group.launcher';
import { unescoLauncher } from './unesco-representation.launcher';
import { ratificationLauncher } from './ratification-campaign.launcher';
import { internLauncher } from './intern-placement.launcher';
import { expertTaskForceLauncher } from './expert-task-force.launcher';
import { regionalForumLauncher } from './regional-forum.launcher';
import { washingtonWatchLauncher } from './washington-watch.launcher';

/** What the API needs to launch one kind of participation. */
export interface KindLauncher<Dto extends { kind: string; businessKey: string; title: string; forum: string; coordinatorId: string }> {
  kind: ParticipationKind;
  workflowType: string;
  dto: ClassConstructor<Dto>;
  /** Builds the workflow input; every duration comes from configuration. */
  toInput(dto: Dto, header: ParticipationHeader, config: AppConfig): unknown;
  /** Dates a supervisor wants on the participation's Temporal UI page (sessions, conferences), ISO 8601. */
  keyDates?(dto: Dto): string[];
}

const wtoRound: KindLauncher<LaunchWtoRoundDto> = {
  kind: 'wto-round',
  workflowType: WTO_ROUND_WORKFLOW,
  dto: LaunchWtoRoundDto,
  toInput: (dto, header, config): WtoRoundInput => ({
    ...header,
    kind: 'wto-round',
    issueAreas: dto.issueAreas.map(({ area, expertId, candidateGroup }) => ({ area, expertId, candidateGroup })),
    mandateApproverIds: dto.mandateApproverIds,
    sessions: dto.sessions.map(({ date, leadExpertId }) => ({ date: new Date(date).toISOString(), leadExpertId })),
    timing: {
      federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs,
      taskDueMs: config.durations.taskDueMs,
      taskReminderBeforeMs: config.durations.taskReminderBeforeMs,
    },
  }),
  keyDates: (dto) => dto.sessions.map(({ date }) => new Date(date).toISOString()),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own DTO type
export const KIND_LAUNCHERS: Partial<Record<ParticipationKind, KindLauncher<any>>> = {
  'wto-round': wtoRound,
  'canada-eu-negotiation': canadaEuLauncher,
  'spp-working-group': sppLauncher,
  'unesco-representation': unescoLauncher,
  'ratification-campaign': ratificationLauncher,
  'intern-placement': internLauncher,
  'expert-task-force': expertTaskForceLauncher,
  'regional-forum': regionalForumLauncher,
  'washington-watch': washingtonWatchLauncher,
};

export const LAUNCH_DTOS = Object.values(KIND_LAUNCHERS).map((launcher) => launcher.dto);
