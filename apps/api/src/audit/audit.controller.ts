import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { AuditEntryEntity } from '@lib/persistence';
import { Roles } from '../auth/auth.decorators';
import type { Page } from '../common/page.query';
import { ListAuditQuery } from './list-audit.query';

/** The journal of who did what, with old and new values and the request id; read-only, for supervisors. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Audit entries, oldest first, filtered and paginated' })
  async list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryEntity>> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (query.participationId) where.participationId = query.participationId;
    if (query.target) where.target = query.target;
    if (query.actorId) where.actorId = query.actorId;
    if (query.action) where.action = query.action;
    const [items, total] = await this.entries.findAndCount({
      where,
      order: { occurredAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
