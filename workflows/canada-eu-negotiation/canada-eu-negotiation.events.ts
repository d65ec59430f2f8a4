import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { EventByBusinessKeyDto, IsSlug } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';
import { OFFER_DIRECTIONS, type OfferDirection } from './canada-eu-negotiation.contract';

export class EuOfferReceivedDataDto extends EventByBusinessKeyDto {
  @ApiProperty({ example: 'procurement' })
  @IsSlug()
  chapter: string;

  @ApiProperty({ enum: OFFER_DIRECTIONS })
  @IsIn(OFFER_DIRECTIONS)
  direction: OfferDirection;

  @ApiProperty({ example: 'EU-PROC-3' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/ -]{0,99}$/)
  reference: string;
}

/** The EU tables an offer or a counter-offer on a chapter. */
export const canadaEuNegotiationEvents: Record<string, KindEvent> = {
  'eu.offer.received': { data: EuOfferReceivedDataDto, route: { to: 'business-key' } },
};
