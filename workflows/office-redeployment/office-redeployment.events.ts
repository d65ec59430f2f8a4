import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EventByBusinessKeyDto } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';

export class HostAcknowledgedDataDto extends EventByBusinessKeyDto {
  @ApiPropertyOptional({ example: 'Note verbale reçue du ministère des Affaires étrangères.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The host country acknowledges the notice of the opening, move or closing. */
export const officeRedeploymentEvents: Record<string, KindEvent> = {
  'office.host.acknowledged': { data: HostAcknowledgedDataDto, route: { to: 'business-key' } },
};
