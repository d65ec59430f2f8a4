import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
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
 * (timers, and actions taken straight in Temporal). Once the namespace's
 * retention has deleted a concluded participation's history, it is read from
 * the archive where the cluster keeps one; without either, the journal alone
 * still answers.
 */
@Injectable()
export class TimelineService {
  private readonly logger = new Logger(TimelineService.name);
  /** Whether the namespace archives histories, asked at most every ARCHIVAL_STATE_TTL_MS. */
  private archival?: { enabled: Promise<boolean>; askedAt: number };

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
      return await this.withDeadline(() => this.client.workflow.getHandle(workflowId).fetchHistory());
    } catch (err) {
      const archived = isNotFound(err) && (await this.archivalEnabled()) ? await this.archivedHistory(workflowId) : undefined;
      if (archived) return archived;
      this.logger.warn({ err, workflowId }, 'workflow history unavailable; timeline from the journal only');
      return undefined;
    }
  }

  /**
   * The last run's history from the archive (docs/deployment.md, "Archival"):
   * archived histories are found by run, and the archived visibility records say
   * which runs the workflow had. Undefined where nothing is archived, or archival
   * is off (the dev server).
   */
  private async archivedHistory(workflowId: string): Promise<History | undefined> {
    try {
      const { executions } = await this.withDeadline(() =>
        this.client.workflowService.listArchivedWorkflowExecutions({
          namespace: this.config.temporal.namespace,
          query: `WorkflowId = '${workflowId.replace(/'/g, "\\'")}'`,
          pageSize: 100,
        }),
      );
      const closedAt = (e: (typeof executions)[number]) => Number(e.closeTime?.seconds ?? 0);
      const last = [...executions].sort((a, b) => closedAt(b) - closedAt(a))[0];
      const runId = last?.execution?.runId;
      if (!runId) return undefined;
      return await this.withDeadline(() => this.client.workflow.getHandle(workflowId, runId).fetchHistory());
    } catch (err) {
      this.logger.debug({ err, workflowId }, 'no archived history');
      return undefined;
    }
  }

  /**
   * The dev server of `npm run up` archives nothing: asking its archive for every
   * history it no longer has would fail each time. The namespace says whether it
   * archives (describeNamespace); the answer is kept a while, since it changes only
   * when an operator turns archival on.
   */
  private archivalEnabled(): Promise<boolean> {
    const now = Date.now();
    if (!this.archival || now - this.archival.askedAt > ARCHIVAL_STATE_TTL_MS) {
      const enabled = this.withDeadline(() =>
        this.client.workflowService.describeNamespace({ namespace: this.config.temporal.namespace }),
      ).then(
        ({ config }) => config?.historyArchivalState === temporal.api.enums.v1.ArchivalState.ARCHIVAL_STATE_ENABLED,
        (err: unknown) => {
          this.logger.debug({ err }, 'namespace archival state unknown');
          this.archival = undefined; // asked again next time
          return false;
        },
      );
      this.archival = { enabled, askedAt: now };
    }
    return this.archival.enabled;
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.config.durations.queryTimeoutMs, call);
  }
}

const ARCHIVAL_STATE_TTL_MS = 5 * 60_000;

/** Temporal's NOT_FOUND (gRPC 5): the workflow is not (or no longer) in the namespace's history. */
function isNotFound(err: unknown): boolean {
  const code =
    (err as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  return code === 5 || (err instanceof Error && err.name === 'WorkflowNotFoundError');
}
