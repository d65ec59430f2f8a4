import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FEDERAL_DECISIONS, type FederalDecision } from '@lib/contracts';
import { EventByBusinessKeyDto } from '@lib/validation';
import { PARTICIPATION_KINDS, type ParticipationKind } from '@workflows/registry-lookups';

/** The kit's own event, for any kind: the federal government answers a participation's pending request. */
export class FederalResponseReceivedDataDto extends EventByBusinessKeyDto {
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
