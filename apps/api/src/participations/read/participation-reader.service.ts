import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { getStateQuery, type ParticipationStateView } from '@lib/contracts';
import { ParticipationEntity, TaskEntity } from '@lib/persistence';
import { coordinates, isPartnerOnly, type Caller } from '../../auth/caller';
import { partnerMayRead, tasksReadableBy } from './partner-scope';
import { validActions } from './valid-actions';
import { DomainError } from '../../common/domain-error';
import { toSummary, type ParticipationDetail } from './participation.view';

/** Reads participations: the projection from PostgreSQL, the live state from the workflow. */
@Injectable()
export class ParticipationReader {
  private readonly logger = new Logger(ParticipationReader.name);

  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  async get(id: string, caller: Caller): Promise<ParticipationDetail> {
    const row = await this.findReadableBy(id, caller);
    const live = await this.liveState(row.workflowId);
    if (live && isPartnerOnly(caller)) {
      // The live state lists every task: a partner sees those of their organization only.
      const visible = new Set((await this.tasksOf(id, caller)).map((task) => task.id));
      live.tasks = live.tasks.filter((task) => visible.has(task.taskId));
    }
    return {
      ...toSummary(row),
      locale: row.locale,
      closingSummary: row.closingSummary,
      details: row.details,
      live,
      actions: validActions(row, live, caller),
    };
  }

  async tasksOf(id: string, caller: Caller): Promise<TaskEntity[]> {
    await this.findReadableBy(id, caller);
    const query = this.tasks.createQueryBuilder('task').where('task.participation_id = :id', { id });
    return tasksReadableBy(query, caller).orderBy('task.createdAt', 'ASC').addOrderBy('task.id', 'ASC').getMany();
  }

  /** The participation, if the caller may read it: a partner's is their organization's, others are answered 404. */
  async findReadableBy(id: string, caller: Caller): Promise<ParticipationEntity> {
    const row = await this.findOrFail(id);
    if (!partnerMayRead(row, caller)) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.participation', id });
    return row;
  }

  async findOrFail(id: string): Promise<ParticipationEntity> {
    const row = await this.participations.findOneBy({ id });
    if (!row) throw new DomainError('not-found', 'error.notFound', { entity: 'entity.participation', id });
    return row;
  }

  /**
   * For the steps that steer a participation as a whole (cancel, close, rounds,
   * sessions, monitoring): only its own coordinator or an admin. Coordinators
   * see every participation, so a refusal says why (403) rather than hiding it.
   */
  async findCoordinatedBy(id: string, caller: Caller): Promise<ParticipationEntity> {
    const row = await this.findOrFail(id);
    if (!coordinates(caller, row.coordinatorId)) {
      throw new DomainError('not-allowed', 'error.notCoordinator', { coordinatorId: row.coordinatorId });
    }
    return row;
  }

  /** The workflow's state from its `getState` query, or null when Temporal cannot say within the query timeout. */
  async liveState(workflowId: string): Promise<ParticipationStateView | null> {
    try {
      return await this.client.withDeadline(Date.now() + this.config.durations.queryTimeoutMs, () =>
        this.client.workflow.getHandle(workflowId).query(getStateQuery),
      );
    } catch (err) {
      this.logger.warn({ err, workflowId }, 'live state unavailable; answering with the projection only');
      return null;
    }
  }
}
