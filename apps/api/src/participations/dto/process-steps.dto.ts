import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROUND_DECISIONS, type RoundDecisionKind } from '@lib/contracts';
import { IsFutureDate } from '../../common/relative-validators';
import { IsIsoDate } from './field-decorators';

export class RoundDecisionDto {
  @ApiProperty({ enum: ROUND_DECISIONS, description: 'Open the next round, or end the negotiation.' })
  @IsIn(ROUND_DECISIONS)
  decision: RoundDecisionKind;

  @ApiPropertyOptional({ example: 'Ronde 3 close : offres sur les marchés publics échangées.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class RescheduleSessionDto {
  @ApiProperty({ example: '2027-05-19T14:00:00Z', description: 'The new date (in the future).' })
  @IsIsoDate()
  @IsFutureDate()
  date: string;

  @ApiPropertyOptional({ example: 'Report demandé par le secrétariat.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

export class CancelSessionDto {
  @ApiProperty({ example: 'Session annulée par l’organisation.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

export class MonitoringDto {
  @ApiPropertyOptional({ example: 'Pause pendant la période électorale.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
