import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EventByBusinessKeyDto, IsIsoDate } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';

export class AgreementInForceDataDto extends EventByBusinessKeyDto {
  @ApiProperty({ example: '2027-09-01T00:00:00Z', description: 'The day the agreement entered into force.' })
  @IsIsoDate()
  inForceOn: string;
}

export class AgreementTerminatedDataDto extends EventByBusinessKeyDto {
  @ApiPropertyOptional({ example: 'Dénonciation notifiée par note diplomatique.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The counterpart announces the agreement's entry into force, or terminates it during its follow-up. */
export const internationalAgreementEvents: Record<string, KindEvent> = {
  'agreement.entered-into-force': { data: AgreementInForceDataDto, route: { to: 'business-key' } },
  'agreement.terminated': { data: AgreementTerminatedDataDto, route: { to: 'business-key' } },
};
