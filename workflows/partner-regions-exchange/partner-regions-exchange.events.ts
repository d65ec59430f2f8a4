import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsActorId, IsNotBlank, IsSlug } from '../../libs/validation/src';
import type { KindEvent } from '../kind-definition';

export class ExchangeProposalDataDto {
  @ApiProperty({ example: 'partner-regions-2027', description: 'The call’s business key.' })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  @MaxLength(80)
  businessKey: string;

  @ApiProperty({ example: 'water-quality' })
  @IsSlug()
  code: string;

  @ApiProperty({ example: 'Qualité de l’eau' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'environmental' })
  @IsSlug()
  theme: string;

  @ApiProperty({ example: 'Échanges d’étudiants-chercheurs.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ example: 'partner-weber', description: 'The partner who submitted it on the portal.' })
  @IsActorId()
  partnerId: string;

  @ApiProperty({ example: 'Université de Bavière', description: 'The partner’s organization.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  organization: string;
}

/** A proposal forwarded by the Partner Regions secretariat's portal, to the call it answers. */
export const partnerRegionsExchangeEvents: Record<string, KindEvent> = {
  'exchange.proposal.received': { data: ExchangeProposalDataDto, route: { to: 'business-key' } },
};
