import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  FEDERAL_DECISIONS,
  OFFER_DIRECTIONS,
  PARTICIPATION_KINDS,
  type ExternalEventType,
  type FederalDecision,
  type OfferDirection,
  type ParticipationKind,
} from '@lib/contracts';
import { IsActorId, IsIsoDate, IsSlug } from '../../participations/dto/field-decorators';
import { LaunchInternPlacementDto } from '../../participations/kinds/intern-placement.launch.dto';

/** Events addressed to one participation by its kind's business key. */
class ByBusinessKey {
  @ApiProperty({ example: 'ceta-2027' })
  @IsSlug()
  businessKey: string;
}

export class WtoSessionScheduledDataDto extends ByBusinessKey {
  @ApiProperty({ example: 's2', description: 'Key of the session: a known key moves it, a new key adds it.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  sessionKey: string;

  @ApiProperty({ example: '2027-04-02T09:00:00Z' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'expert-tremblay' })
  @IsActorId()
  leadExpertId: string;
}

export class EuOfferReceivedDataDto extends ByBusinessKey {
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

export class ConventionRatifiedDataDto {
  @ApiProperty({ example: 'br', description: 'ISO 3166-1 alpha-2 code, lower case.' })
  @Matches(/^[a-z]{2}$/)
  country: string;

  @ApiPropertyOptional({
    example: 'diversity-2027',
    description: 'Only this campaign; every active campaign targeting the country otherwise.',
  })
  @IsOptional()
  @IsSlug()
  campaignKey?: string;
}

export class InternOfferAnswerDataDto extends ByBusinessKey {
  @ApiProperty({ example: 'unesco' })
  @IsSlug()
  organization: string;
}

export class FederalResponseReceivedDataDto extends ByBusinessKey {
  @ApiProperty({ enum: PARTICIPATION_KINDS })
  @IsIn(PARTICIPATION_KINDS)
  kind: ParticipationKind;

  @ApiProperty({ enum: FEDERAL_DECISIONS })
  @IsIn(FEDERAL_DECISIONS)
  decision: FederalDecision;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/** An application begins an intern placement: its data is the launch body, without `kind`. */
export class InternApplicationDataDto extends OmitType(LaunchInternPlacementDto, ['kind'] as const) {}

export const EVENT_DATA_DTOS: Record<ExternalEventType, new () => object> = {
  'wto.session.scheduled': WtoSessionScheduledDataDto,
  'eu.offer.received': EuOfferReceivedDataDto,
  'convention.ratified': ConventionRatifiedDataDto,
  'intern.application.received': InternApplicationDataDto,
  'intern.offer.accepted': InternOfferAnswerDataDto,
  'intern.offer.declined': InternOfferAnswerDataDto,
  'federal.response.received': FederalResponseReceivedDataDto,
};
