import type { CarriedState } from '../participation/carried-state';
import { checkParticipationInput } from '../participation/input-checks';
import type { ParticipationHeader } from '../participation/state';
import { TASK_TIMING_KEYS, type TaskTiming } from '../participation/timing';

export const WASHINGTON_WATCH_WORKFLOW = 'washingtonWatchWorkflow';
/** What the Temporal Schedule starts at each interval: it tells the participation a report is due. */
export const WASHINGTON_WATCH_TICK_WORKFLOW = 'washingtonWatchTickWorkflow';

export const WATCHED_INSTITUTIONS = ['oas', 'world-bank'] as const;
export type WatchedInstitution = (typeof WATCHED_INSTITUTIONS)[number];

export interface WashingtonWatchInput extends ParticipationHeader {
  kind: 'washington-watch';
  institutions: WatchedInstitution[];
  /** Who writes the monitoring reports. */
  analystId: string;
  timing: TaskTiming & { reportIntervalMs: number; cyclesPerRun: number };
  resume?: { reportsDue: number; paused: boolean; pending: Array<{ index: number; scheduledAt: string }> };
  carried?: CarriedState;
}

/** The Schedule that drives a watch: one per participation, named after its workflow id. */
export function watchScheduleId(workflowId: string): string {
  return `${workflowId}/reports`;
}

export interface ReportScheduleSpec {
  scheduleId: string;
  participationWorkflowId: string;
  intervalMs: number;
  taskQueue: string;
  note: string;
}

/** Activities that manage a participation's Temporal Schedule; each is idempotent. */
export interface ScheduleActivities {
  ensureReportSchedule(spec: ReportScheduleSpec): Promise<void>;
  setReportSchedulePaused(request: { scheduleId: string; paused: boolean; note: string }): Promise<void>;
  deleteReportSchedule(request: { scheduleId: string }): Promise<void>;
}

export function validateWashingtonWatchInput(input: Partial<WashingtonWatchInput> | undefined): string[] {
  return checkParticipationInput(input, 'washington-watch')
    .text('analystId')
    .list('institutions', 1)
    .timing(...TASK_TIMING_KEYS, 'reportIntervalMs', 'cyclesPerRun').problems;
}
