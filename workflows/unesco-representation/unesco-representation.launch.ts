import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { durationSetting } from '../../libs/config/src';
import { EachNested, IsActorId, IsActorIdList, IsIsoDate, LaunchHeaderDto, PersonRef } from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import { UNESCO_BODIES, type UnescoBody, type UnescoInput } from './unesco-representation.contract';

export class UnescoSessionDto {
  @ApiProperty({ enum: UNESCO_BODIES })
  @IsIn(UNESCO_BODIES)
  body: UnescoBody;

  @ApiProperty({ example: '2027-11-02T09:00:00Z' })
  @IsIsoDate()
  date: string;
}

export class LaunchUnescoRepresentationDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['unesco-representation'] })
  @IsIn(['unesco-representation'])
  kind: 'unesco-representation';

  @ApiProperty({ example: 'rep-bouchard', description: 'Person nominated as permanent representative.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  nomineeId: string;

  @ApiProperty({ example: ['dm-international'], description: 'Who may approve the nomination.' })
  @IsActorIdList(1, 20)
  @PersonRef({ role: 'coordinator' })
  nominationApproverIds: string[];

  @ApiProperty({ example: 4, minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  mandateYears: number;

  @ApiProperty({ example: 2, minimum: 1, maximum: 12, description: 'Reporting periods per mandate year.' })
  @IsInt()
  @Min(1)
  @Max(12)
  reportsPerYear: number;

  @ApiProperty({ type: [UnescoSessionDto], description: 'General Conference and Executive Board sessions, each briefed and debriefed.' })
  @IsArray()
  @ArrayMaxSize(100)
  @EachNested(() => UnescoSessionDto)
  sessions: UnescoSessionDto[];
}

/** Its own setting, validated at start with the rest of the configuration. */
export const mandateYear = durationSetting(
  'MANDATE_YEAR_LENGTH',
  '365 days',
  'UNESCO representation: one year of the mandate (reporting periods divide it).',
);

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const unescoRepresentationLaunch: KindLaunch<LaunchUnescoRepresentationDto> = {
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
      mandateYearMs: mandateYear.read(config),
      cyclesPerRun: config.cyclesPerRun,
    },
  }),
};
