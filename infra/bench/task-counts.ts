import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';

/*
 * What a launch or a hand-over costs the server, read from the workflow's
 * history: how many workflow tasks (each a poll, a replay of new events in the
 * worker and a completion), activity tasks and local activities it took. Pure:
 * the scenarios fetch the histories, these functions only count.
 */

export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** The marker the SDK's core records for each local activity (sdk-core's LOCAL_ACTIVITY_MARKER_NAME). */
export const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export interface TaskCounts {
  workflowTasksScheduled: number;
  workflowTasksCompleted: number;
  workflowTasksFailed: number;
  workflowTasksTimedOut: number;
  /** Activity tasks scheduled (each a trip through the server's matching and one more workflow task). */
  activityTasks: number;
  /** Local activities, run inside the workflow task that decided them. */
  localActivities: number;
  /** Updates the workflow accepted. */
  updates: number;
  /** Every event of the window. */
  events: number;
}

const COUNTED: Partial<Record<temporal.api.enums.v1.EventType, keyof TaskCounts>> = {
  [EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED]: 'workflowTasksScheduled',
  [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED]: 'workflowTasksCompleted',
  [EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED]: 'workflowTasksFailed',
  [EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT]: 'workflowTasksTimedOut',
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]: 'activityTasks',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED]: 'updates',
};

export function emptyCounts(): TaskCounts {
  return {
    workflowTasksScheduled: 0,
    workflowTasksCompleted: 0,
    workflowTasksFailed: 0,
    workflowTasksTimedOut: 0,
    activityTasks: 0,
    localActivities: 0,
    updates: 0,
    events: 0,
  };
}

/** The event's type as the enum's number, whether the history came from gRPC (numbers) or from JSON (names). */
function typeOf(event: HistoryEvent): number | undefined {
  const type = event.eventType as unknown;
  return typeof type === 'string' ? (EventType as unknown as Record<string, number>)[type] : (type as number | undefined);
}

export function countTasks(events: readonly HistoryEvent[]): TaskCounts {
  const counts = emptyCounts();
  for (const event of events) {
    counts.events += 1;
    const type = typeOf(event);
    const key = type === undefined ? undefined : COUNTED[type as temporal.api.enums.v1.EventType];
    if (key) counts[key] += 1;
    if (type === EventType.EVENT_TYPE_MARKER_RECORDED && event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) {
      counts.localActivities += 1;
    }
  }
  return counts;
}

/** The events recorded up to `untilMs` (epoch ms): a launch's, up to the moment its answer reached the caller. */
export function eventsUntil(events: readonly HistoryEvent[], untilMs: number): HistoryEvent[] {
  return events.filter((event) => (optionalTsToMs(event.eventTime) ?? Infinity) <= untilMs);
}

/**
 * One slice per Update named `updateName`, in history order: from the workflow
 * task that accepted it up to the one that accepted the next (the last one to
 * the end of the history). A slice is one round of that Update: what the
 * workflow did because of it, up to the caller's next request.
 */
export function updateRounds(events: readonly HistoryEvent[], updateName: string): HistoryEvent[][] {
  const starts: number[] = [];
  let lastTaskScheduled = -1;
  events.forEach((event, i) => {
    const type = typeOf(event);
    if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) lastTaskScheduled = i;
    if (
      type === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED &&
      event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName
    ) {
      // A second Update accepted by the same workflow task starts at its own acceptance.
      starts.push(lastTaskScheduled > (starts[starts.length - 1] ?? -1) ? lastTaskScheduled : i);
    }
  });
  return starts.map((start, k) => events.slice(start, k + 1 < starts.length ? starts[k + 1] : events.length));
}

/** Mean of each count over several windows (launches, hand-overs); `windows` is how many. */
export interface MeanCounts {
  windows: number;
  mean: TaskCounts;
  /** Fewest and most workflow tasks completed in one window: a spread says the path is not always the same. */
  workflowTasksRange: [number, number];
}

export function meanCounts(all: readonly TaskCounts[]): MeanCounts {
  const mean = emptyCounts();
  if (all.length === 0) return { windows: 0, mean, workflowTasksRange: [0, 0] };
  const keys = Object.keys(mean) as Array<keyof TaskCounts>;
  // Summed first, divided once: 4 per window stays 4, not 4.000000000000002.
  for (const counts of all) for (const key of keys) mean[key] += counts[key];
  for (const key of keys) mean[key] /= all.length;
  const completed = all.map((counts) => counts.workflowTasksCompleted);
  return { windows: all.length, mean, workflowTasksRange: [Math.min(...completed), Math.max(...completed)] };
}
