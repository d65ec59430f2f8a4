import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACTOR_ID_PATTERN, PARTICIPATION_STATUSES, type ParticipationStatus } from '@lib/contracts';
import { PARTICIPATION_KINDS, type ParticipationKind } from '@workflows/registry-lookups';
import { PageQuery } from '../../common/page.query';

export class ListParticipationsQuery extends PageQuery {
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

  @ApiPropertyOptional({ description: 'true: with at least one overdue open task; false: with none.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'Launched at or after (ISO 8601).' })
  @IsOptional()
  @IsDateString({ strict: true })
  launchedFrom?: string;

  @ApiPropertyOptional({ example: '2027-02-01T00:00:00Z', description: 'Launched before (ISO 8601).' })
  @IsOptional()
  @IsDateString({ strict: true })
  launchedTo?: string;

  @ApiPropertyOptional({ description: 'With an open task due at or after (ISO 8601).' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueFrom?: string;

  @ApiPropertyOptional({ description: 'With an open task due before (ISO 8601): what comes due this week.' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueTo?: string;

  @ApiPropertyOptional({ description: 'Closed at or after (ISO 8601).' })
  @IsOptional()
  @IsDateString({ strict: true })
  closedFrom?: string;

  @ApiPropertyOptional({ description: 'Closed before (ISO 8601).' })
  @IsOptional()
  @IsDateString({ strict: true })
  closedTo?: string;
}
