import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Repository } from 'typeorm';
import { claimTaskUpdate, completeTaskUpdate, type CompleteTaskRequest, type TaskCommand, type TaskView } from '@lib/contracts';
import { ParticipationEntity, TaskEntity } from '@lib/persistence';
import type { NamedRef } from '@lib/validation';
import { coordinates, type Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { idempotentUpdateId } from '../common/idempotent-update-id';
import { fromTemporalError } from '../common/temporal-errors';
import type { Page } from '../common/page.query';
import { pageOf } from '../common/page-of';
import { DirectoryRefs } from '../people/directory-refs.service';
import type { ListTasksQuery } from './dto/list-tasks.query';
import { visibleTo } from './task-visibility';

const PRIORITY_RANK = "CASE task.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";

/** Reads tasks as the caller may see them; changes them only through their workflow's Updates. */
@Injectable()
export class TasksService {
  constructor(
    private readonly client: Client,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
    private readonly refs: DirectoryRefs,
  ) {}

  async list(caller: Caller, query: ListTasksQuery): Promise<Page<TaskEntity>> {
    const qb = visibleTo(this.tasks.createQueryBuilder('task'), caller);
    if (query.status?.length) qb.andWhere('task.status IN (:...statuses)', { statuses: query.status });
    if (query.participationId) qb.andWhere('task.participation_id = :pid', { pid: query.participationId });
    if (query.dueBefore) qb.andWhere('task.due_at < :dueBefore', { dueBefore: new Date(query.dueBefore) });
    if (query.assigneeId) qb.andWhere('task.assignee_id = :assignee', { assignee: query.assigneeId });
    if (query.sort === 'priority') qb.orderBy(PRIORITY_RANK, 'ASC').addOrderBy('task.due_at', 'ASC');
    else qb.orderBy('task.due_at', 'ASC');
    qb.addOrderBy('task.id', 'ASC');
    return pageOf(qb, query.page, query.pageSize);
  }

  async get(caller: Caller, taskId: string): Promise<TaskEntity> {
    const task = await visibleTo(this.tasks.createQueryBuilder('task'), caller).andWhere('task.id = :taskId', { taskId }).getOne();
    if (!task) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.task', id: taskId });
    return task;
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

  /** Takes a task; a group's task only by a member of the group (403 otherwise, admins included: they reassign instead). */
  async claim(caller: Caller, taskId: string, request: TaskCommand): Promise<TaskView> {
    const task = await this.get(caller, taskId);
    if (task.assigneeId === null && task.candidateGroup !== null && !caller.groups.includes(task.candidateGroup)) {
      throw new DomainError('not-allowed', 'error.notGroupMember', { group: task.candidateGroup });
    }
    return this.send(task.workflowId, claimTaskUpdate, request);
  }

  /**
   * Delivers a task. The deliverable's person fields (the task's required
   * fields of type `person`) must name active people of the directory: the
   * workflow can check their form only.
   */
  async complete(caller: Caller, taskId: string, request: CompleteTaskRequest, idempotencyKey?: string): Promise<TaskView> {
    const task = await this.get(caller, taskId);
    const fields = request.deliverable.fields ?? {};
    const people: NamedRef[] = Object.entries(task.requiredFields)
      .filter(([name, rule]) => rule.type === 'person' && typeof fields[name] === 'string' && fields[name] !== '')
      .map(([name]) => ({ field: `deliverable.fields.${name}`, value: fields[name], ref: { kind: 'person', roles: [] } }));
    await this.refs.checkRefs(people);
    const updateId = idempotencyKey && idempotentUpdateId(completeTaskUpdate.name, taskId, caller.id, idempotencyKey);
    return this.send(task.workflowId, completeTaskUpdate, request, updateId);
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
