import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EventByBusinessKeyDto } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';

export class HostConfirmedDataDto extends EventByBusinessKeyDto {
  @ApiPropertyOptional({ example: 'Programme confirmé par le bureau du gouverneur.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The host government confirms the mission's programme. */
export const bilateralMissionEvents: Record<string, KindEvent> = {
  'mission.host.confirmed': { data: HostConfirmedDataDto, route: { to: 'business-key' } },
};
