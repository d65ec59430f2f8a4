import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { METRICS_REGISTRY } from '../metrics/metrics.registry';
import { OPEN_TASKS_BY_FORUM, PARTICIPATIONS_BY_KIND_AND_PHASE, type ForumTasksRow, type KindPhaseCountRow } from './dashboard.queries';

/**
 * The dashboard's numbers as gauges, read from PostgreSQL at each scrape: the
 * same answer from every API replica, whatever worker did the work.
 */
@Injectable()
export class DashboardMetrics implements OnModuleInit {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const dataSource = this.dataSource;
    new Gauge({
      name: 'participations',
      help: 'Participations by kind and phase (closed ones are in phase "closed")',
      labelNames: ['kind', 'phase'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await readOrNothing<KindPhaseCountRow>(dataSource, PARTICIPATIONS_BY_KIND_AND_PHASE)) {
          this.set({ kind: row.kind, phase: row.phase }, row.count);
        }
      },
    });
    const byForum = (name: string, help: string, column: 'openTasks' | 'overdueTasks') =>
      new Gauge({
        name,
        help,
        labelNames: ['forum'],
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const row of await readOrNothing<ForumTasksRow>(dataSource, OPEN_TASKS_BY_FORUM))
            this.set({ forum: row.forum }, row[column]);
        },
      });
    byForum('participation_tasks_open', 'Open tasks (open or claimed), by forum', 'openTasks');
    byForum('participation_tasks_overdue', 'Open tasks past their due date, by forum', 'overdueTasks');
  }
}

/** A scrape while PostgreSQL is down still answers: these gauges are then absent, and /health says why. */
async function readOrNothing<Row>(dataSource: DataSource, sql: string): Promise<Row[]> {
  try {
    return await dataSource.query<Row[]>(sql);
  } catch {
    return [];
  }
}
