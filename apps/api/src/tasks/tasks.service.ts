import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Repository } from 'typeorm';
import { type TaskView } from '@lib/contracts';
import { ParticipationEntity, TaskEntity } from '@lib/persistence';
import { coordinates, type Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { idempotentUpdateId } from '../common/idempotent-update-id';
import { fromTemporalError } from '../common/temporal-errors';
import type { Page } from '../participations/dto/participation.view';
import type { ListTasksQuery } from './dto/list-tasks.query';
import { toTaskItemView, type TaskItemView } from './task.view';
import { visibleTo } from './task-visibility';

const PRIORITY_RANK = "CASE task.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";

/** Reads tasks as the caller may see them; changes them only through their workflow's Updates. */
@Injectable()
export class TasksService {
  constructor(
    private readonly client: Client,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
  ) {}

  async list(caller: Caller, query: ListTasksQuery): Promise<Page<TaskItemView>> {
    const qb = visibleTo(this.tasks.createQueryBuilder('task'), caller);
    if (query.status?.length) qb.andWhere('task.status IN (:...statuses)', { statuses: query.status });
    if (query.participationId) qb.andWhere('task.participation_id = :pid', { pid: query.participationId });
    if (query.dueBefore) qb.andWhere('task.due_at < :dueBefore', { dueBefore: new Date(query.dueBefore) });
    if (query.assigneeId) qb.andWhere('task.assignee_id = :assignee', { assignee: query.assigneeId });
    if (query.sort === 'priority') qb.orderBy(PRIORITY_RANK, 'ASC').addOrderBy('task.due_at', 'ASC');
    else qb.orderBy('task.due_at', 'ASC');
    qb.addOrderBy('task.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(toTaskItemView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(caller: Caller, taskId: string): Promise<TaskItemView> {
    const task = await visibleTo(this.tasks.createQueryBuilder('task'), caller).andWhere('task.id = :taskId', { taskId }).getOne();
    if (!task) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.task', id: taskId });
    return toTaskItemView(task);
  }

  /**
   * For an expert's own actions: the task must be visible to them. With an
   * Idempotency-Key, a retry gets the first answer (see idempotentUpdateId) instead of 409.
   */
  async act<Arg>(
    caller: Caller,
    taskId: string,
    update: UpdateDefinition<TaskView, [Arg]>,
    arg: Arg,
    idempotencyKey?: string,
  ): Promise<TaskView> {
    const task = await this.get(caller, taskId);
    return this.send(task.workflowId, update, arg, idempotencyKey && idempotentUpdateId(update.name, taskId, caller.id, idempotencyKey));
  }

  /** For a coordinator's actions: only on the participations they coordinate (admins on all). */
  async coordinate<Arg>(caller: Caller, taskId: string, update: UpdateDefinition<TaskView, [Arg]>, arg: Arg): Promise<TaskView> {
    const task = await this.tasks.findOneBy({ id: taskId });
    const participation = task && (await this.participations.findOneBy({ id: task.participationId }));
    if (!task || !participation || !coordinates(caller, participation.coordinatorId)) {
      throw new DomainError('not-found', 'error.notFound', { entity: 'entity.task', id: taskId });
    }
    return this.send(task.workflowId, update, arg);
  }

  private async send<Arg>(workflowId: string, update: UpdateDefinition<TaskView, [Arg]>, arg: Arg, updateId?: string): Promise<TaskView> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg], updateId: updateId || undefined });
    } catch (err) {
      throw fromTemporalError(err, workflowId);
    }
  }
}
