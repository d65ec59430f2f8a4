import { TASK_TIMING_KEYS, checkParticipationInput, type CarriedState, type ParticipationHeader, type TaskTiming } from '../kit/contracts';

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

export function validateWashingtonWatchInput(input: Partial<WashingtonWatchInput> | undefined): string[] {
  return checkParticipationInput(input, 'washington-watch')
    .text('analystId')
    .list('institutions', 1)
    .timing(...TASK_TIMING_KEYS, 'reportIntervalMs', 'cyclesPerRun').problems;
}
