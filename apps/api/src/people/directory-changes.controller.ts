import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { DirectoryChangeEntity } from '@lib/persistence';
import { Roles } from '../auth/auth.decorators';
import type { Page } from '../common/page.query';
import { ListDirectoryChangesQuery } from './dto/list-directory-changes.query';

/** The directory's journal (people, groups, absences): who changed what, when, before and after; for admins. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('directory/changes')
export class DirectoryChangesController {
  constructor(@InjectRepository(DirectoryChangeEntity) private readonly changes: Repository<DirectoryChangeEntity>) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Changes to people, groups and absences, newest first, filtered and paginated' })
  async list(@Query() query: ListDirectoryChangesQuery): Promise<Page<DirectoryChangeEntity>> {
    const where: FindOptionsWhere<DirectoryChangeEntity> = {};
    if (query.target) where.target = query.target;
    if (query.actorId) where.actorId = query.actorId;
    if (query.action) where.action = query.action;
    const [items, total] = await this.changes.findAndCount({
      where,
      order: { occurredAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
