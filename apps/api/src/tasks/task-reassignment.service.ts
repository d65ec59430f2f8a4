import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { reassignTaskUpdate, type Locale } from '@lib/contracts';
import { ParticipationEntity, TaskEntity } from '@lib/persistence';
import { coordinates, hasRole, type Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { domainErrorText } from '../common/domain-error-text';
import { messages } from '../common/messages';
import { fromTemporalError } from '../common/temporal-errors';
import { REASSIGNABLE_STATUSES, type BulkReassignDto } from './dto/bulk-reassign.dto';

/** Tasks moved in one call at most; `more: true` says to call again. */
export const BULK_REASSIGN_LIMIT = 200;
/** Updates sent at once: enough to be quick, few enough to leave the workers room. */
const CONCURRENT_UPDATES = 4;

export interface MovedTask {
  taskId: string;
  participationId: string;
  title: string;
  status: string;
  assigneeId: string | null;
}

export interface RefusedTask {
  taskId: string;
  participationId: string;
  title: string;
  status: string;
  /** The refusal's code (`wrong-state`, `closed`, …) and its reason in the caller's language. */
  error: string;
  reason: string;
}

export interface BulkReassignResult {
  moved: MovedTask[];
  refused: RefusedTask[];
  /** More tasks match than one call moves: call again. */
  more: boolean;
}

/**
 * Moves the tasks of one person to another, each through its workflow's
 * `reassignTask` Update (which journals it and notifies the new assignee),
 * never by writing the rows: the workflow accepts or refuses each, and the
 * answer says which moved and why the others did not. A coordinator moves
 * the tasks of the participations they coordinate; an admin any.
 */
@Injectable()
export class TaskReassignment {
  private readonly logger = new Logger(TaskReassignment.name);

  constructor(
    private readonly client: Client,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
  ) {}

  async reassignAll(caller: Caller, dto: BulkReassignDto, locale: Locale, requestId?: string): Promise<BulkReassignResult> {
    if (dto.toAssigneeId === dto.fromAssigneeId) {
      throw new DomainError('validation-failed', 'error.validation', {}, [
        { field: 'toAssigneeId', constraint: 'notSamePerson', params: { other: dto.fromAssigneeId } },
      ]);
    }
    if (dto.participationId) await this.mustCoordinate(caller, dto.participationId);
    const selected = await this.select(caller, dto);
    const result: BulkReassignResult = { moved: [], refused: [], more: selected.length > BULK_REASSIGN_LIMIT };
    const queue = selected.slice(0, BULK_REASSIGN_LIMIT);
    await Promise.all(
      Array.from({ length: CONCURRENT_UPDATES }, async () => {
        for (let task = queue.shift(); task; task = queue.shift()) await this.move(task, caller, dto, locale, result, requestId);
      }),
    );
    const order = new Map(selected.map((task, i) => [task.id, i]));
    const byOrder = (a: { taskId: string }, b: { taskId: string }) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0);
    result.moved.sort(byOrder);
    result.refused.sort(byOrder);
    return result;
  }

  private async mustCoordinate(caller: Caller, participationId: string): Promise<void> {
    const participation = await this.participations.findOneBy({ id: participationId });
    if (!participation) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.participation', id: participationId });
    if (!coordinates(caller, participation.coordinatorId)) {
      throw new DomainError('not-allowed', 'error.notYourParticipations', { participationId });
    }
  }

  /** The matching tasks, oldest due first; a coordinator's only among the participations they coordinate. */
  private select(caller: Caller, dto: BulkReassignDto): Promise<TaskEntity[]> {
    const qb = this.tasks
      .createQueryBuilder('task')
      .where('task.assignee_id = :from', { from: dto.fromAssigneeId })
      .andWhere('task.status IN (:...statuses)', { statuses: dto.status ?? REASSIGNABLE_STATUSES });
    if (dto.participationId) qb.andWhere('task.participation_id = :pid', { pid: dto.participationId });
    if (dto.kind) qb.andWhere('task.kind = :kind', { kind: dto.kind });
    if (!hasRole(caller, 'admin')) {
      qb.andWhere('task.participation_id IN (SELECT p.id FROM participations p WHERE p.coordinator_id = :callerId)', {
        callerId: caller.id,
      });
    }
    return qb
      .orderBy('task.due_at', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .take(BULK_REASSIGN_LIMIT + 1)
      .getMany();
  }

  private async move(
    task: TaskEntity,
    caller: Caller,
    dto: BulkReassignDto,
    locale: Locale,
    result: BulkReassignResult,
    requestId?: string,
  ): Promise<void> {
    const about = { taskId: task.id, participationId: task.participationId, title: task.title };
    try {
      const view = await this.client.workflow.getHandle(task.workflowId).executeUpdate(reassignTaskUpdate, {
        args: [{ taskId: task.id, actorId: caller.id, assigneeId: dto.toAssigneeId, reason: dto.reason, requestId }],
      });
      result.moved.push({ ...about, status: view.status, assigneeId: view.assigneeId });
    } catch (err) {
      const refusal = fromTemporalError(err, task.workflowId);
      if (refusal instanceof DomainError) {
        result.refused.push({ ...about, status: task.status, error: refusal.code, reason: domainErrorText(refusal, locale) });
        return;
      }
      // Not the workflow's refusal: said as an internal error for this task, the others still move.
      this.logger.error({ err, taskId: task.id }, 'reassignment failed');
      result.refused.push({ ...about, status: task.status, error: 'internal', reason: messages.t(locale, 'error.internal') });
    }
  }
}
