import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationOutbox } from '@lib/notifications';
import { PublishedEventOutbox } from '../published-events/published-event-outbox';
import type {
  BatchedProjectionActivities,
  JournalEntry,
  OpenTask,
  ParticipationClosing,
  PhaseChange,
  ProjectionActivities,
  ProjectionBatch,
  ProjectionBatchResult,
  ProjectionWrite,
  RegisterParticipation,
  TaskChange,
  TaskPlacement,
} from '@lib/contracts';
import { ProjectionWrites } from './projection-writes';

/**
 * Writes what the workflows decide into PostgreSQL (the writes themselves are
 * in projection-writes.ts): a batch per workflow task as a local activity, or
 * one write per activity for runs started before batching.
 */
@Injectable()
export class ProjectionActivitiesService implements ProjectionActivities, BatchedProjectionActivities {
  private readonly writes: ProjectionWrites;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    notifications: NotificationOutbox,
    events: PublishedEventOutbox,
  ) {
    this.writes = new ProjectionWrites(notifications, events);
  }

  /**
   * Everything one workflow task wrote, in one transaction, in the order the
   * workflow queued it: the participation row, phase, journal, tasks, outbox
   * and NOTIFY commit together or not at all, so no reader sees half a step.
   * Each write stays idempotent by its step key: a retried batch changes nothing.
   */
  async applyProjectionBatch(batch: ProjectionBatch): Promise<ProjectionBatchResult> {
    const results = await this.dataSource.transaction(async (em) => {
      const answers: (TaskPlacement | null)[] = [];
      for (const write of batch.writes) answers.push((await this.writes.apply(em, write)) ?? null);
      return answers;
    });
    return { writes: batch.writes, results };
  }

  /** One write in its own transaction: the activities below, and reproject's rebuild (with openTask's recorded placement). */
  applyAlone(write: ProjectionWrite, recorded?: TaskPlacement): Promise<TaskPlacement | void> {
    return this.dataSource.transaction((em) => this.writes.apply(em, write, recorded));
  }

  async registerParticipation(input: RegisterParticipation): Promise<void> {
    await this.applyAlone({ name: 'registerParticipation', input });
  }

  async recordPhaseChange(input: PhaseChange): Promise<void> {
    await this.applyAlone({ name: 'recordPhaseChange', input });
  }

  async openTask(input: OpenTask, recorded?: TaskPlacement): Promise<TaskPlacement> {
    return (await this.applyAlone({ name: 'openTask', input }, recorded)) as TaskPlacement;
  }

  async changeTask(input: TaskChange): Promise<void> {
    await this.applyAlone({ name: 'changeTask', input });
  }

  async appendJournal(input: JournalEntry): Promise<void> {
    await this.applyAlone({ name: 'appendJournal', input });
  }

  async closeParticipation(input: ParticipationClosing): Promise<void> {
    await this.applyAlone({ name: 'closeParticipation', input });
  }
}
