import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale } from '@lib/contracts';
import { wordFor } from '../common/messages';
import {
  ACTIVE_PARTICIPATIONS,
  OPEN_TASK_TOTALS,
  OPEN_TASKS_BY_FORUM,
  OVERDUE_TASKS_BY_PERSON,
  PARTICIPATIONS_BY_KIND_AND_PHASE,
  WAITING_LONGEST,
  type CountRow,
  type ForumTasksRow,
  type KindPhaseCountRow,
  type OpenTaskTotalsRow,
  type PersonTasksRow,
  type WaitingRow,
} from './dashboard.queries';
import type { Dashboard } from '@lib/contracts/http/http-views';

/** Reads the supervisors' dashboard from the projections; six indexed queries, run side by side. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(locale: Locale, waiting: number): Promise<Dashboard> {
    const now = new Date();
    const [byKindAndPhase, [active], [totals], byForum, byPerson, longest] = await Promise.all([
      this.dataSource.query<KindPhaseCountRow[]>(PARTICIPATIONS_BY_KIND_AND_PHASE),
      this.dataSource.query<CountRow[]>(ACTIVE_PARTICIPATIONS),
      this.dataSource.query<OpenTaskTotalsRow[]>(OPEN_TASK_TOTALS),
      this.dataSource.query<ForumTasksRow[]>(OPEN_TASKS_BY_FORUM),
      this.dataSource.query<PersonTasksRow[]>(OVERDUE_TASKS_BY_PERSON, [waiting]),
      this.dataSource.query<WaitingRow[]>(WAITING_LONGEST, [waiting]),
    ]);
    const word = (prefix: string, code: string) => wordFor(locale, prefix, code);
    return {
      generatedAt: now.toISOString(),
      totals: { activeParticipations: active.count, openTasks: totals.openTasks, overdueTasks: totals.overdueTasks },
      byKindAndPhase: byKindAndPhase.map((row) => ({
        ...row,
        kindLabel: word('kind', row.kind),
        phaseLabel: word('phase', row.phase),
      })),
      overdueByForum: byForum,
      overdueByPerson: byPerson.map((row) => ({ ...row, oldestDueAt: new Date(row.oldestDueAt).toISOString() })),
      waitingLongest: longest.map((row) => ({
        ...row,
        phaseLabel: word('phase', row.phase),
        phaseEnteredAt: new Date(row.phaseEnteredAt).toISOString(),
        waitingSeconds: Math.max(0, Math.round((now.getTime() - new Date(row.phaseEnteredAt).getTime()) / 1000)),
      })),
    };
  }
}
