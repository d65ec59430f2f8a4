import { sleep, workflowInfo } from '@temporalio/workflow';
import type { Participation } from './participation';
import type { TaskSpec } from './task-record';

/** Where a reporting cycle stands; handed to the next run when the workflow continues as new. */
export interface CyclePosition {
  /** Start of the first period; every period end is computed from it, so late reports never shift the calendar. */
  anchorAt: string;
  /** 1-based number of the next period to run. */
  nextCycle: number;
}

export interface ReportingCycleOptions {
  position: CyclePosition;
  total: number;
  periodMs: number;
  /** Periods one run goes through before continuing as new, keeping each run's history bounded. */
  cyclesPerRun: number;
  /** What happens inside a period before its report (sessions, briefings). */
  duringPeriod?: (cycle: number, startMs: number, endMs: number) => Promise<void>;
  /** The report task due at the end of each period. */
  report: (cycle: number) => TaskSpec;
}

/**
 * Recurring reports for long mandates: each period ends on a durable timer,
 * then a report task is opened and awaited. Resolves with the position to
 * continue from once this run has done its share (the caller continues as
 * new with it), or undefined when every period is done.
 */
export async function runReportingCycles(p: Participation, options: ReportingCycleOptions): Promise<CyclePosition | undefined> {
  const anchor = Date.parse(options.position.anchorAt);
  let doneThisRun = 0;
  for (let cycle = options.position.nextCycle; cycle <= options.total; cycle += 1) {
    const startMs = anchor + (cycle - 1) * options.periodMs;
    const endMs = anchor + cycle * options.periodMs;
    p.details.reporting = { cycle, total: options.total, periodEndsAt: new Date(endMs).toISOString() };
    await options.duringPeriod?.(cycle, startMs, endMs);
    const until = new Date(endMs).toISOString();
    p.waitFor('report-period', 'wait.reportPeriod', { cycle, total: options.total }, until);
    p.refreshTaskAttributes(until);
    if (endMs > Date.now()) await sleep(endMs - Date.now(), { summary: p.t('timer.reportPeriod', { cycle, date: until }) });
    p.waitFor('tasks', 'wait.report', { cycle, total: options.total });
    await p.tasks.run(options.report(cycle));
    doneThisRun += 1;
    const more = cycle < options.total;
    if (more && (doneThisRun >= options.cyclesPerRun || workflowInfo().continueAsNewSuggested)) {
      return { anchorAt: options.position.anchorAt, nextCycle: cycle + 1 };
    }
  }
  return undefined;
}
