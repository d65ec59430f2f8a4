import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { GroupEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import type { Page, PageQuery } from '../common/page.query';
import { groupTarget, journalChange } from './directory-journal';
import type { AddGroupDto, ChangeGroupDto } from './dto/group.dto';
import { changedFields } from './person.view';
import { refuseNulls } from '../common/refuse-nulls';

export interface GroupView {
  code: string;
  nameFr: string;
  nameEn: string;
  active: boolean;
  /** Active people who have the group among theirs: who may claim its tasks. */
  activeMembers: number;
}

/** The candidate groups of the directory: read by anyone signed in, kept by admins, each change journaled. */
@Injectable()
export class GroupsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PageQuery): Promise<Page<GroupView>> {
    const [rows, [{ total }]] = await Promise.all([
      this.views(this.dataSource.manager, undefined, query),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM groups`),
    ]);
    return { items: rows, page: query.page, pageSize: query.pageSize, total };
  }

  async add(actorId: string, dto: AddGroupDto, requestId?: string): Promise<GroupView> {
    return this.dataSource.transaction(async (em) => {
      const group = { code: dto.code, nameFr: dto.nameFr, nameEn: dto.nameEn, active: true };
      const inserted = await em.createQueryBuilder().insert().into(GroupEntity).values(group).orIgnore().returning(['code']).execute();
      if ((inserted.raw as unknown[]).length === 0) throw new DomainError('duplicate', 'error.groupExists', { code: dto.code });
      await journalChange(em, { actorId, action: 'group.added', target: groupTarget(dto.code), newValue: group, requestId });
      return this.one(em, dto.code);
    });
  }

  async change(actorId: string, code: string, dto: ChangeGroupDto, requestId?: string): Promise<GroupView> {
    refuseNulls(dto);
    return this.dataSource.transaction(async (em) => {
      const before = await lockGroup(em, code);
      const { oldValue, newValue } = changedFields(before, { ...dto });
      if (Object.keys(newValue).length > 0) {
        await em.update(GroupEntity, { code }, { ...newValue, updatedAt: new Date() });
        await journalChange(em, { actorId, action: 'group.changed', target: groupTarget(code), oldValue, newValue, requestId });
      }
      return this.one(em, code);
    });
  }

  /** A deactivated group can no longer be named at launch nor given to people; its open tasks stay claimable. Idempotent. */
  async setActive(actorId: string, code: string, active: boolean, requestId?: string): Promise<GroupView> {
    return this.dataSource.transaction(async (em) => {
      const before = await lockGroup(em, code);
      if (before.active !== active) {
        await em.update(GroupEntity, { code }, { active, updatedAt: new Date() });
        await journalChange(em, {
          actorId,
          action: active ? 'group.reactivated' : 'group.deactivated',
          target: groupTarget(code),
          oldValue: { active: before.active },
          newValue: { active },
          requestId,
        });
      }
      return this.one(em, code);
    });
  }

  private async one(em: EntityManager, code: string): Promise<GroupView> {
    const [view] = await this.views(em, code);
    return view;
  }

  private views(em: EntityManager, code?: string, page?: PageQuery): Promise<GroupView[]> {
    return em.query<GroupView[]>(
      `SELECT g.code, g.name_fr AS "nameFr", g.name_en AS "nameEn", g.active,
              (SELECT count(*)::int FROM people m WHERE m.active AND g.code = ANY(m.groups)) AS "activeMembers"
         FROM groups g
        WHERE $1::text IS NULL OR g.code = $1
        ORDER BY g.code
        LIMIT $2 OFFSET $3`,
      [code ?? null, page?.pageSize ?? 1, page ? (page.page - 1) * page.pageSize : 0],
    );
  }
}

async function lockGroup(em: EntityManager, code: string): Promise<GroupEntity> {
  const row = await em.findOne(GroupEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.group', id: code });
  return row;
}
