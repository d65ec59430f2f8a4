import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import { IsActorId, LaunchHeaderDto, PersonRef, ReferenceCode } from '../../libs/validation/src';
import { taskTiming, type KindLaunch } from '../kind-definition';
import { WATCHED_INSTITUTIONS, type WashingtonWatchInput, type WatchedInstitution } from './washington-watch.contract';

export class LaunchWashingtonWatchDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['washington-watch'] })
  @IsIn(['washington-watch'])
  kind: 'washington-watch';

  @ApiProperty({ enum: WATCHED_INSTITUTIONS, isArray: true, example: ['oas', 'world-bank'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WATCHED_INSTITUTIONS.length)
  @ArrayUnique()
  @IsIn(WATCHED_INSTITUTIONS, { each: true })
  @ReferenceCode('forums')
  institutions: WatchedInstitution[];

  @ApiProperty({ example: 'analyst-fortin', description: 'Who writes each monitoring report (every WATCH_REPORT_INTERVAL).' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  analystId: string;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const reportInterval = durationSetting(
  'WATCH_REPORT_INTERVAL',
  '30 days',
  'Washington watch: interval of the Temporal Schedule that makes a monitoring report due.',
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const washingtonWatchLaunch: KindLaunch<LaunchWashingtonWatchDto> = {
  dto: LaunchWashingtonWatchDto,
  toInput: (dto, header, config): WashingtonWatchInput => ({
    ...header,
    kind: 'washington-watch',
    institutions: dto.institutions,
    analystId: dto.analystId,
    timing: {
      ...taskTiming(config),
      reportIntervalMs: reportInterval.read(config),
      cyclesPerRun: config.cyclesPerRun,
    },
  }),
};
