import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { msNumberToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { LOCAL_ACTIVITY_MARKER, updateRounds, type HistoryEvent } from './task-counts';
import { taskTimes } from './task-times';

const T = temporal.api.enums.v1.EventType;

const at = (eventType: temporal.api.enums.v1.EventType, ms: number): HistoryEvent => ({ eventType, eventTime: msNumberToTs(ms) });

/** A local activity's marker as sdk-core writes it: JSON data whose complete_time is the workflow's time plus the run time. */
function marker(recordedMs: number, completeMs: number): HistoryEvent {
  const data = { seq: 1, complete_time: { seconds: Math.floor(completeMs / 1000), nanos: (completeMs % 1000) * 1e6 } };
  return {
    ...at(T.EVENT_TYPE_MARKER_RECORDED, recordedMs),
    markerRecordedEventAttributes: {
      markerName: LOCAL_ACTIVITY_MARKER,
      details: { data: { payloads: [{ data: Buffer.from(JSON.stringify(data)) }] } },
    },
  };
}

describe('where a workflow task’s time went, from a history', () => {
  it('splits waiting for the worker, time in the worker, and the local activities run there', () => {
    const times = taskTimes([
      at(T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 10_000),
      at(T.EVENT_TYPE_WORKFLOW_TASK_STARTED, 10_003),
      at(T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 10_015),
      // Two local activities in one task: the second's run starts from the first's completion.
      marker(10_015, 10_010),
      marker(10_015, 10_013),
    ]);
    expect(times).toEqual({ waitingMs: 3, inWorkerMs: 12, localActivityMs: 10 });
  });

  it('adds up every task of the window, failed ones included', () => {
    const times = taskTimes([
      at(T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 1_000),
      at(T.EVENT_TYPE_WORKFLOW_TASK_STARTED, 1_001),
      at(T.EVENT_TYPE_WORKFLOW_TASK_FAILED, 1_005),
      at(T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 1_100),
      at(T.EVENT_TYPE_WORKFLOW_TASK_STARTED, 1_102),
      at(T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 1_110),
      marker(1_110, 1_104), // run from the second task's start: 2 ms
      // A patch marker is not a local activity.
      { ...at(T.EVENT_TYPE_MARKER_RECORDED, 1_110), markerRecordedEventAttributes: { markerName: 'core_patch' } },
    ]);
    expect(times).toEqual({ waitingMs: 3, inWorkerMs: 12, localActivityMs: 2 });
  });

  it('reads a recorded history: every hand-over’s local activity fits inside its task', () => {
    const file = join(__dirname, '../../workflows/office-redeployment/histories/reviewed-settled.json');
    const events = historyFromJSON((JSON.parse(readFileSync(file, 'utf8')) as { history: unknown }).history).events ?? [];
    const rounds = updateRounds(events, 'completeTask');
    expect(rounds.length).toBeGreaterThan(0);
    for (const round of rounds) {
      const times = taskTimes(round);
      expect(times.localActivityMs).toBeGreaterThan(0);
      expect(times.localActivityMs).toBeLessThan(times.inWorkerMs);
      expect(times.waitingMs).toBeGreaterThanOrEqual(0);
    }
  });
});
