import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PLAN_INITIATIVES, PLAN_PRIORITIES, type Locale, type PlanInitiative, type PlanMilestone } from '@lib/contracts';
import type { PlanReport, PlanReportMeasure, PlanReportRow } from '@lib/contracts/http/http-views';
import type { Kind } from '@workflows/kind-definition';
import { KINDS } from '@workflows/registry';
import { messages } from '../common/messages';
import { yearWindows, type YearWindow } from './plan-windows';

/** The report's columns, in order. */
export const PLAN_REPORT_MEASURES: readonly PlanReportMeasure[] = [
  'launched',
  'open',
  'concluded',
  'tasksDelivered',
  'internsPlaced',
  'expertsInTaskForces',
  'ratificationsObtained',
  'agreementsSigned',
  'missionsHeld',
];

/** Each milestone a kind may declare (`plan.milestones`), as the report's measure. */
const MILESTONE_MEASURE: Record<PlanMilestone, PlanReportMeasure> = {
  'interns-placed': 'internsPlaced',
  'experts-in-task-forces': 'expertsInTaskForces',
  'ratifications-obtained': 'ratificationsObtained',
  'agreements-signed': 'agreementsSigned',
  'missions-held': 'missionsHeld',
};

type Counts = Partial<Record<PlanReportMeasure, number>>;
interface CountRow {
  year: number;
  kind: string;
  measure: PlanReportMeasure;
  n: number;
}

/**
 * The plan's report: per key initiative and per year of the range, what the
 * participations of the kinds tied to it did, read from the projection and
 * the journal (docs/reports.md says each rule):
 * - launched: `launched_at` in the year; open: launched by the year's end and
 *   not closed by then; concluded: closed in the year with outcome `concluded`;
 * - tasks delivered: tasks completed in the year;
 * - milestones: participations that entered, in the year, a phase their kind
 *   names for it (`plan.milestones` in `<kind>.kind.ts`), each counted once a year.
 */
@Injectable()
export class PlanReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(range: { start: Date; end: Date }, locale: Locale): Promise<PlanReport> {
    const windows = yearWindows(range);
    const counts = await this.counts(windows);
    const kindsOf = kindsByInitiative();
    const rows: PlanReportRow[] = windows.flatMap(({ year }) =>
      (Object.keys(PLAN_INITIATIVES) as PlanInitiative[]).map((initiative) => {
        const { priority } = PLAN_INITIATIVES[initiative];
        const kinds = kindsOf.get(initiative) ?? [];
        const sum = (measure: PlanReportMeasure) => kinds.reduce((n, kind) => n + (counts.get(`${year}/${kind}`)?.[measure] ?? 0), 0);
        return {
          year,
          priority,
          priorityLabel: PLAN_PRIORITIES[priority][locale],
          initiative,
          initiativeLabel: PLAN_INITIATIVES[initiative][locale],
          kinds,
          ...(Object.fromEntries(PLAN_REPORT_MEASURES.map((measure) => [measure, sum(measure)])) as Record<PlanReportMeasure, number>),
        };
      }),
    );
    return {
      from: range.start.toISOString(),
      to: new Date(range.end.getTime() - 1).toISOString(),
      years: windows.map((w) => w.year),
      measures: PLAN_REPORT_MEASURES.map((code) => ({ code, label: messages.t(locale, `report.${code}`) })),
      rows,
    };
  }

  /** Every count, by year and kind, in three queries (participations, tasks, milestones). */
  private async counts(windows: YearWindow[]): Promise<Map<string, Counts>> {
    const params = [windows.map((w) => w.year), windows.map((w) => w.start.toISOString()), windows.map((w) => w.end.toISOString())];
    const yearsCte = `w(year, s, e) AS (SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[]))`;
    const milestones = milestonePhases();
    const rows = (
      await Promise.all([
        this.dataSource.query<CountRow[]>(
          `WITH ${yearsCte}
           SELECT w.year, p.kind, m.measure, count(*)::int AS n
             FROM w JOIN participations p ON p.launched_at < w.e
             CROSS JOIN LATERAL (VALUES
               ('launched', p.launched_at >= w.s),
               ('open', p.closed_at IS NULL OR p.closed_at >= w.e),
               ('concluded', p.outcome = 'concluded' AND p.closed_at >= w.s AND p.closed_at < w.e)) AS m(measure, counted)
            WHERE m.counted
            GROUP BY 1, 2, 3`,
          params,
        ),
        this.dataSource.query<CountRow[]>(
          `WITH ${yearsCte}
           SELECT w.year, p.kind, 'tasksDelivered' AS measure, count(*)::int AS n
             FROM w JOIN tasks t ON t.status = 'completed' AND t.completed_at >= w.s AND t.completed_at < w.e
             JOIN participations p ON p.id = t.participation_id
            GROUP BY 1, 2`,
          params,
        ),
        this.dataSource.query<CountRow[]>(
          `WITH ${yearsCte}, m(kind, phase, measure) AS (SELECT * FROM unnest($4::text[], $5::text[], $6::text[]))
           SELECT w.year, p.kind, m.measure, count(DISTINCT p.id)::int AS n
             FROM w JOIN audit_entries a ON a.action = 'participation.phase' AND a.occurred_at >= w.s AND a.occurred_at < w.e
             JOIN participations p ON p.id = a.participation_id
             JOIN m ON m.kind = p.kind AND m.phase = a.new_value ->> 'phase'
            GROUP BY 1, 2, 3`,
          [...params, milestones.map((m) => m.kind), milestones.map((m) => m.phase), milestones.map((m) => m.measure)],
        ),
      ])
    ).flat();
    const counts = new Map<string, Counts>();
    for (const { year, kind, measure, n } of rows) {
      const key = `${year}/${kind}`;
      counts.set(key, { ...counts.get(key), [measure]: n });
    }
    return counts;
  }
}

/** The kinds tied to each initiative, from the registry. */
function kindsByInitiative(): Map<PlanInitiative, string[]> {
  const byInitiative = new Map<PlanInitiative, string[]>();
  for (const kind of Object.values<Kind>(KINDS)) {
    byInitiative.set(kind.plan.initiative, [...(byInitiative.get(kind.plan.initiative) ?? []), kind.kind]);
  }
  return byInitiative;
}

/** Every (kind, phase) pair whose entry counts as a milestone, with its measure. */
function milestonePhases(): { kind: string; phase: string; measure: PlanReportMeasure }[] {
  return Object.values<Kind>(KINDS).flatMap((kind) =>
    Object.entries(kind.plan.milestones ?? {}).flatMap(([milestone, phases]) =>
      (phases ?? []).map((phase) => ({ kind: kind.kind, phase, measure: MILESTONE_MEASURE[milestone as PlanMilestone] })),
    ),
  );
}
