import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { durationSetting, type AppConfig } from '../../libs/config/src';
import {
  CounterpartCode,
  EachNested,
  IsActorId,
  IsActorIdList,
  IsCodeFormat,
  IsIsoDate,
  LaunchHeaderDto,
  PersonRef,
} from '../../libs/validation/src';
import { isoDate, taskTiming, type KindLaunch } from '../kind-definition';
import {
  COUNTERPART_TYPES,
  type AgreementTiming,
  type CounterpartType,
  type InternationalAgreementInput,
} from './international-agreement.contract';

export class AgreementRoundDto {
  @ApiProperty({ example: '2027-03-10T14:00:00Z', description: 'When the drafting session with the counterpart opens.' })
  @IsIsoDate()
  date: string;
}

export class LaunchInternationalAgreementDto extends LaunchHeaderDto {
  @ApiProperty({ enum: ['international-agreement'] })
  @IsIn(['international-agreement'])
  kind: 'international-agreement';

  @ApiProperty({ enum: COUNTERPART_TYPES, description: 'A foreign state, a federated state or an international organization.' })
  @IsIn(COUNTERPART_TYPES)
  counterpartType: CounterpartType;

  @ApiProperty({
    example: 'mx-jal',
    description: 'The counterpart: a state from GET /reference/countries, or an organization from GET /reference/forums.',
  })
  @IsCodeFormat()
  @CounterpartCode()
  counterpartCode: string;

  @ApiProperty({ example: ['dm-international'], description: 'Who may approve the negotiation mandate.' })
  @IsActorIdList(1, 20)
  @PersonRef({ role: 'coordinator' })
  mandateApproverIds: string[];

  @ApiProperty({ example: 'expert-diaz', description: 'Drafts each round’s positions and attends the sessions.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  negotiatorId: string;

  @ApiProperty({ example: 'expert-morin', description: 'Reviews the agreed text.' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  legalAdvisorId: string;

  @ApiProperty({ type: [AgreementRoundDto], description: 'Drafting rounds planned now; later ones are dated by the coordinator.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @EachNested(() => AgreementRoundDto)
  rounds: AgreementRoundDto[];

  @ApiProperty({ example: '2027-06-20T15:00:00Z', description: 'The signing session (it can be moved).' })
  @IsIsoDate()
  signatureDate: string;

  @ApiProperty({ example: false, description: 'An important international commitment: tabled in and approved by the National Assembly.' })
  @IsBoolean()
  important: boolean;

  @ApiProperty({
    example: 3,
    minimum: 1,
    maximum: 50,
    description: 'Follow-up committee reports in one term (one per AGREEMENT_REPORT_PERIOD).',
  })
  @IsInt()
  @Min(1)
  @Max(50)
  followUpReports: number;
}

/** Its own setting, validated at start with the rest of the configuration. */
export const agreementReportPeriod = durationSetting(
  'AGREEMENT_REPORT_PERIOD',
  '365 days',
  'International agreement: how often the follow-up committee reports once the agreement is in force.',
);

/** The agreement's durations, from configuration (also for a participation that starts one). */
export function agreementTiming(config: AppConfig): AgreementTiming {
  return {
    ...taskTiming(config),
    federalResponseTimeoutMs: config.durations.federalResponseTimeoutMs,
    reportPeriodMs: agreementReportPeriod.read(config),
    cyclesPerRun: config.cyclesPerRun,
  };
}

/** How the API launches this kind: the body above, and the workflow input built from it. */
export const internationalAgreementLaunch: KindLaunch<LaunchInternationalAgreementDto> = {
  dto: LaunchInternationalAgreementDto,
  toInput: (dto, header, config): InternationalAgreementInput => ({
    ...header,
    kind: 'international-agreement',
    counterpartType: dto.counterpartType,
    counterpartCode: dto.counterpartCode,
    mandateApproverIds: dto.mandateApproverIds,
    negotiatorId: dto.negotiatorId,
    legalAdvisorId: dto.legalAdvisorId,
    rounds: dto.rounds.map(({ date }) => ({ date: isoDate(date) })),
    signatureDate: isoDate(dto.signatureDate),
    important: dto.important,
    followUpReports: dto.followUpReports,
    timing: agreementTiming(config),
  }),
  keyDates: (dto) => [...dto.rounds.map((r) => r.date), dto.signatureDate],
};
