import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  APPROVAL_DECISIONS,
  CLOSING_OUTCOMES,
  FEDERAL_DECISIONS,
  type ApprovalDecisionKind,
  type ClosingOutcome,
  type FederalDecision,
} from '@lib/contracts';
import { ACTOR_ID_PATTERN } from './identifiers';

/*
 * Bodies of the human steps. Until authentication lands the actor is named in
 * the body; it becomes the token's subject then.
 */

export class ActorDto {
  @ApiProperty({ example: 'coord-lavoie', description: 'Who acts (identifier).' })
  @IsString()
  @Matches(ACTOR_ID_PATTERN)
  actorId: string;
}

export class FederalResponseDto extends ActorDto {
  @ApiProperty({ enum: FEDERAL_DECISIONS })
  @IsIn(FEDERAL_DECISIONS)
  decision: FederalDecision;

  @ApiPropertyOptional({ example: 'Siège confirmé par Affaires mondiales Canada.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class MandateDecisionDto extends ActorDto {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision: ApprovalDecisionKind;

  @ApiPropertyOptional({ description: 'Required to ask for a revision or to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string;
}

export class CloseParticipationDto extends ActorDto {
  @ApiProperty({ enum: CLOSING_OUTCOMES })
  @IsIn(CLOSING_OUTCOMES)
  outcome: ClosingOutcome;

  @ApiPropertyOptional({ example: 'Accord conclu sur le volet agricole.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class CancelParticipationDto extends ActorDto {
  @ApiProperty({ example: 'Le forum a été reporté sine die.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}
