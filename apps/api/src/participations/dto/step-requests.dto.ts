import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  APPROVAL_DECISIONS,
  CLOSING_OUTCOMES,
  FEDERAL_DECISIONS,
  type ApprovalDecisionKind,
  type ClosingOutcome,
  type FederalDecision,
} from '@lib/contracts';

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
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
