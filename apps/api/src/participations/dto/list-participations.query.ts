import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PARTICIPATION_KINDS, PARTICIPATION_STATUSES, type ParticipationKind, type ParticipationStatus } from '@lib/contracts';
import { ACTOR_ID_PATTERN } from './identifiers';

export class ListParticipationsQuery {
  @ApiPropertyOptional({ enum: PARTICIPATION_KINDS })
  @IsOptional()
  @IsIn(PARTICIPATION_KINDS)
  kind?: ParticipationKind;

  @ApiPropertyOptional({ example: 'mandate-approval' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  phase?: string;

  @ApiPropertyOptional({ example: 'wto' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  forum?: string;

  @ApiPropertyOptional({ enum: PARTICIPATION_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;

  @ApiPropertyOptional({ example: 'coord-lavoie' })
  @IsOptional()
  @Matches(ACTOR_ID_PATTERN)
  coordinatorId?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}
