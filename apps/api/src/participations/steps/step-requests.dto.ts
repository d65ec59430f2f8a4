import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  APPROVAL_DECISIONS,
  CLOSING_OUTCOMES,
  FEDERAL_DECISIONS,
  ROUND_DECISIONS,
  type ApprovalDecisionKind,
  type ClosingOutcome,
  type FederalDecision,
  type RoundDecisionKind,
} from '@lib/contracts';
import { IsFutureDate, IsIsoDate, IsNotBlank } from '@lib/validation';

/** Bodies of the human steps; the actor is the authenticated caller. */

export class FederalResponseDto {
  @ApiProperty({ enum: FEDERAL_DECISIONS })
  @IsIn(FEDERAL_DECISIONS)
  decision: FederalDecision;

  @ApiPropertyOptional({ example: 'Siège confirmé par Affaires mondiales Canada.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class MandateDecisionDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision: ApprovalDecisionKind;

  @ApiPropertyOptional({ description: 'Required to ask for a revision or to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string;
}

export class CloseParticipationDto {
  @ApiProperty({ enum: CLOSING_OUTCOMES })
  @IsIn(CLOSING_OUTCOMES)
  outcome: ClosingOutcome;

  @ApiPropertyOptional({ example: 'Accord conclu sur le volet agricole.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class CancelParticipationDto {
  @ApiProperty({ example: 'Le forum a été reporté sine die.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason: string;
}

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
  @IsNotBlank()
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
