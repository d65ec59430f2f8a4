import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { completeTaskUpdate, type TaskView } from '@lib/contracts';
import { TaskEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { idempotentUpdateId } from '../common/idempotent-update-id';
import { fromTemporalError } from '../common/temporal-errors';
import type { CompleteTaskDto } from './dto/complete-task.dto';

/** Reads task rows; changes a task only through its workflow's `completeTask` Update. */
@Injectable()
export class TasksService {
  constructor(
    private readonly client: Client,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  async get(taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.task', id: taskId });
    return task;
  }

  /** With an Idempotency-Key, a retried completion gets the first answer (see idempotentUpdateId) instead of 409. */
  async complete(taskId: string, body: CompleteTaskDto, idempotencyKey?: string): Promise<TaskView> {
    const task = await this.get(taskId);
    const { summary, fields, notes, references } = body.deliverable;
    try {
      return await this.client.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, {
        args: [{ taskId, actorId: body.actorId, deliverable: { summary, fields, notes, references } }],
        updateId: idempotencyKey ? idempotentUpdateId(completeTaskUpdate.name, taskId, idempotencyKey) : undefined,
      });
    } catch (err) {
      throw fromTemporalError(err, task.workflowId);
    }
  }
}
