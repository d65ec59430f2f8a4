import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACTOR_ID_PATTERN } from '../participations/dto/identifiers';

export class ListAuditQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  participationId?: string;

  @ApiPropertyOptional({ description: 'A task id, a workflow id or a person id the entry is about' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  target?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ACTOR_ID_PATTERN)
  actorId?: string;

  @ApiPropertyOptional({ example: 'task.reassigned' })
  @IsOptional()
  @Matches(/^[a-z-]+\.[a-z-]+$/)
  action?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
