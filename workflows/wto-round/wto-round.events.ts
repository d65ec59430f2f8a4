import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EventByBusinessKeyDto, IsActorId, IsIsoDate, PersonRef } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';

export class WtoSessionScheduledDataDto extends EventByBusinessKeyDto {
  @ApiProperty({ example: 's2', description: 'Key of the session: a known key moves it, a new key adds it.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  sessionKey: string;

  @ApiProperty({ example: '2027-04-02T09:00:00Z' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'expert-tremblay' })
  @IsActorId()
  @PersonRef({ role: 'expert' })
  leadExpertId: string;
}

/** The WTO secretariat announces or moves a session of the round. */
export const wtoRoundEvents: Record<string, KindEvent> = {
  'wto.session.scheduled': { data: WtoSessionScheduledDataDto, route: { to: 'business-key' } },
};
