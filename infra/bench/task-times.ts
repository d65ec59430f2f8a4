import { temporal } from '@temporalio/proto';
import { LOCAL_ACTIVITY_MARKER, type HistoryEvent } from './task-counts';

/*
 * Where a launch's or a hand-over's time went, read from the same histories as
 * the counts: waiting for a worker to take the workflow task (scheduled →
 * started), inside the worker (started → completed: the workflow's activations,
 * its local activities, the completion's trip back), and of that the local
 * activities alone. The rest of a request's latency is the API, the client and
 * the server's own work before and after. Pure, like the counts.
 */

const EventType = temporal.api.enums.v1.EventType;

export interface TaskTimes {
  /** Σ workflow task scheduled → started, ms. */
  waitingMs: number;
  /** Σ workflow task started → completed (or failed, timed out), ms. */
  inWorkerMs: number;
  /** Σ local activity run times, ms (dispatch to result, as the SDK's core records them in the marker). */
  localActivityMs: number;
}

/** The event's time in epoch ms, whatever form its seconds take (number, string, or a Long of any copy of the library). */
function eventMs(event: HistoryEvent): number | undefined {
  const time = event.eventTime;
  if (!time) return undefined;
  const seconds = time.seconds as unknown;
  const whole = typeof seconds === 'object' && seconds !== null ? (seconds as { toNumber(): number }).toNumber() : Number(seconds ?? 0);
  return whole * 1000 + (time.nanos ?? 0) / 1e6;
}

/** The event's type as the enum's number, whether the history came from gRPC (numbers) or from JSON (names). */
function typeOf(event: HistoryEvent): number | undefined {
  const type = event.eventType as unknown;
  return typeof type === 'string' ? (EventType as unknown as Record<string, number>)[type] : (type as number | undefined);
}

const ENDS_A_TASK = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
]);

export function taskTimes(events: readonly HistoryEvent[]): TaskTimes {
  const times: TaskTimes = { waitingMs: 0, inWorkerMs: 0, localActivityMs: 0 };
  let scheduledAt: number | undefined;
  let startedAt: number | undefined;
  // The workflow's clock as the SDK's core keeps it: the task's start, then each local activity's completion.
  let workflowTime: number | undefined;
  for (const event of events) {
    const type = typeOf(event);
    const at = eventMs(event);
    if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) scheduledAt = at;
    else if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
      if (scheduledAt !== undefined && at !== undefined) times.waitingMs += at - scheduledAt;
      startedAt = at;
      workflowTime = at;
    } else if (type !== undefined && ENDS_A_TASK.has(type)) {
      if (startedAt !== undefined && at !== undefined) times.inWorkerMs += at - startedAt;
    } else if (type === EventType.EVENT_TYPE_MARKER_RECORDED) {
      const completedAt = localActivityCompletedAt(event);
      if (completedAt !== undefined && workflowTime !== undefined) {
        times.localActivityMs += completedAt - workflowTime;
        workflowTime = completedAt;
      }
    }
  }
  return times;
}

/**
 * The marker's `complete_time` (sdk-core's LocalActivityMarkerData) is the
 * workflow's time when the local activity was scheduled plus its run time, and
 * becomes the workflow's time: the run time is the difference with the clock before.
 */
function localActivityCompletedAt(event: HistoryEvent): number | undefined {
  const attributes = event.markerRecordedEventAttributes;
  if (attributes?.markerName !== LOCAL_ACTIVITY_MARKER) return undefined;
  const payload = attributes.details?.data?.payloads?.[0]?.data;
  if (!payload) return undefined;
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'base64') : Buffer.from(payload);
  try {
    const data = JSON.parse(bytes.toString('utf8')) as { complete_time?: { seconds?: number | string; nanos?: number } | null };
    const complete = data.complete_time;
    if (!complete || complete.seconds === undefined) return undefined;
    return Number(complete.seconds) * 1000 + (complete.nanos ?? 0) / 1e6;
  } catch {
    return undefined;
  }
}
