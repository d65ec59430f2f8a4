import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { translate, type Locale } from '@lib/contracts';
import { AuditEntryEntity, TaskEntity } from '@lib/persistence';
import { ParticipationReader } from '../participations/read/participation-reader.service';
import { historyEntries } from './history-entries';
import { journalEntries } from './journal-entries';
import type { Timeline, TimelineEntry } from './timeline-entry.view';

/**
 * A participation's story, oldest first: the audit journal (phases, tasks,
 * decisions, who acted) merged with what only the workflow's history holds
 * (timers, and actions taken straight in Temporal). Without Temporal the
 * journal alone still answers.
 */
@Injectable()
export class TimelineService {
  private readonly logger = new Logger(TimelineService.name);

  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: ParticipationReader,
    @InjectRepository(AuditEntryEntity) private readonly journal: Repository<AuditEntryEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
  ) {}

  async timelineOf(id: string, locale: Locale): Promise<Timeline> {
    const participation = await this.reader.findOrFail(id);
    const [rows, tasks, history] = await Promise.all([
      this.journal.find({ where: { participationId: id }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      this.tasks.find({ where: { participationId: id }, select: { id: true, title: true } }),
      this.history(participation.workflowId),
    ]);
    const titles = new Map(tasks.map((task) => [task.id, task.title]));
    const entries: TimelineEntry[] = [...journalEntries(rows, titles, locale), ...(history ? historyEntries(history, locale) : [])];
    // Stable sort: at the same instant, the journal line (what the workflow decided) comes first.
    entries.sort((a, b) => a.at.localeCompare(b.at));
    return {
      participationId: participation.id,
      workflowId: participation.workflowId,
      historyAvailable: history !== undefined,
      notice: history ? null : translate(locale, 'history.unavailable'),
      entries,
    };
  }

  private async history(workflowId: string): Promise<History | undefined> {
    try {
      return await this.client.withDeadline(Date.now() + this.config.durations.queryTimeoutMs, () =>
        this.client.workflow.getHandle(workflowId).fetchHistory(),
      );
    } catch (err) {
      this.logger.warn({ err, workflowId }, 'workflow history unavailable; timeline from the journal only');
      return undefined;
    }
  }
}
