import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryOf } from '../common/page.query';
import { ACTOR_ID_PATTERN } from '@lib/contracts';

/** The audit trail reads in longer pages: 50 by default, 200 at most. */
export class ListAuditQuery extends PageQueryOf(50, 200) {
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
}
