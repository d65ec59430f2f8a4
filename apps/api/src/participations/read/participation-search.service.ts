import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { openTaskCondition, ParticipationEntity, TaskEntity } from '@lib/persistence';
import type { Caller } from '../../auth/caller';
import type { ListParticipationsQuery } from './list-participations.query';
import { pageOf } from '../../common/page-of';
import { participationsReadableBy } from './partner-scope';
import type { ParticipationList, ParticipationListItem } from './participation-list.view';
import { toSummary } from './participation.view';

interface TaskCounts {
  participationId: string;
  openTasks: number;
  overdueTasks: number;
  nextDueAt: Date | null;
}

/**
 * `GET /participations` for supervisors: filters on the projection and on the
 * open tasks, with task counts per participation and for the whole selection.
 * Task conditions read only open tasks, through the partial index `idx_tasks_open`.
 */
@Injectable()
export class ParticipationSearch {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListParticipationsQuery, caller: Caller): Promise<ParticipationList> {
    const selection = participationsReadableBy(this.filtered(query), caller);
    const { items: rows, total } = await pageOf(
      selection.clone().orderBy('p.launchedAt', 'DESC').addOrderBy('p.id', 'ASC'),
      query.page,
      query.pageSize,
    );
    const counts = await this.taskCounts(rows.map((row) => row.id));
    const items: ParticipationListItem[] = rows.map((row) => {
      const tasks = counts.get(row.id);
      return {
        ...toSummary(row),
        phaseEnteredAt: row.phaseEnteredAt.toISOString(),
        openTasks: tasks?.openTasks ?? 0,
        overdueTasks: tasks?.overdueTasks ?? 0,
        nextDueAt: tasks?.nextDueAt ? new Date(tasks.nextDueAt).toISOString() : null,
      };
    });
    return { items, page: query.page, pageSize: query.pageSize, total, counts: await this.selectionCounts(selection) };
  }

  private filtered(query: ListParticipationsQuery): SelectQueryBuilder<ParticipationEntity> {
    const qb = this.dataSource.getRepository(ParticipationEntity).createQueryBuilder('p');
    const equal = { kind: query.kind, phase: query.phase, forum: query.forum, status: query.status, coordinatorId: query.coordinatorId };
    for (const [field, value] of Object.entries(equal)) {
      if (value !== undefined) qb.andWhere(`p.${field} = :${field}`, { [field]: value });
    }
    if (query.launchedFrom) qb.andWhere('p.launchedAt >= :launchedFrom', { launchedFrom: query.launchedFrom });
    if (query.launchedTo) qb.andWhere('p.launchedAt < :launchedTo', { launchedTo: query.launchedTo });
    if (query.closedFrom) qb.andWhere('p.closedAt >= :closedFrom', { closedFrom: query.closedFrom });
    if (query.closedTo) qb.andWhere('p.closedAt < :closedTo', { closedTo: query.closedTo });
    const openTask = `SELECT 1 FROM tasks t WHERE t.participation_id = p.id AND ${openTaskCondition('t')}`;
    if (query.overdue !== undefined) qb.andWhere(`${query.overdue ? '' : 'NOT '}EXISTS (${openTask} AND t.overdue)`);
    if (query.dueFrom || query.dueTo) {
      const from = query.dueFrom ? ' AND t.due_at >= :dueFrom' : '';
      const to = query.dueTo ? ' AND t.due_at < :dueTo' : '';
      qb.andWhere(`EXISTS (${openTask}${from}${to})`, { dueFrom: query.dueFrom, dueTo: query.dueTo });
    }
    return qb;
  }

  private async taskCounts(participationIds: string[]): Promise<Map<string, TaskCounts>> {
    if (participationIds.length === 0) return new Map();
    const rows = await this.openTasks()
      .select('t.participation_id', 'participationId')
      .addSelect('count(*)::int', 'openTasks')
      .addSelect('(count(*) FILTER (WHERE t.overdue))::int', 'overdueTasks')
      .addSelect('min(t.due_at)', 'nextDueAt')
      .andWhere('t.participation_id IN (:...participationIds)', { participationIds })
      .groupBy('t.participation_id')
      .getRawMany<TaskCounts>();
    return new Map(rows.map((row) => [row.participationId, row]));
  }

  private async selectionCounts(selection: SelectQueryBuilder<ParticipationEntity>) {
    const ids = selection.clone().select('p.id');
    const row = await this.openTasks()
      .select('count(*)::int', 'openTasks')
      .addSelect('(count(*) FILTER (WHERE t.overdue))::int', 'overdueTasks')
      .andWhere(`t.participation_id IN (${ids.getQuery()})`)
      .setParameters(ids.getParameters())
      .getRawOne<{ openTasks: number; overdueTasks: number }>();
    return { openTasks: row?.openTasks ?? 0, overdueTasks: row?.overdueTasks ?? 0 };
  }

  private openTasks(): SelectQueryBuilder<TaskEntity> {
    return this.dataSource.getRepository(TaskEntity).createQueryBuilder('t').where(openTaskCondition('t'));
  }
}
