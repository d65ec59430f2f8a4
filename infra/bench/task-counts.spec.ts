import { msNumberToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { countTasks, eventsUntil, LOCAL_ACTIVITY_MARKER, meanCounts, updateRounds, type HistoryEvent } from './task-counts';

const T = temporal.api.enums.v1.EventType;

/** A small history, one event per millisecond from t = 1000 (event n at t = 999 + n), with the attributes the counting reads. */
function history(...steps: Array<temporal.api.enums.v1.EventType | [temporal.api.enums.v1.EventType, string]>): HistoryEvent[] {
  return steps.map((step, i) => {
    const [eventType, name] = Array.isArray(step) ? step : [step, undefined];
    const event: HistoryEvent = { eventType, eventTime: msNumberToTs(1000 + i) };
    if (eventType === T.EVENT_TYPE_MARKER_RECORDED) event.markerRecordedEventAttributes = { markerName: name };
    if (eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) {
      event.workflowExecutionUpdateAcceptedEventAttributes = { acceptedRequest: { input: { name } } };
    }
    return event;
  });
}

const task = [T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, T.EVENT_TYPE_WORKFLOW_TASK_STARTED, T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED];
const activity = [T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, T.EVENT_TYPE_ACTIVITY_TASK_STARTED, T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED];
const accepted = (name: string): [temporal.api.enums.v1.EventType, string] => [T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, name];

describe('workflow task counts from a history', () => {
  // A launch: start, a task that schedules an activity, a task after it that records a local activity.
  const launch = history(
    T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, // t 1000
    ...task, // 1001-1003
    ...activity, // 1004-1006
    ...task, // 1007-1009
    [T.EVENT_TYPE_MARKER_RECORDED, LOCAL_ACTIVITY_MARKER], // 1010
    [T.EVENT_TYPE_MARKER_RECORDED, 'core_patch'], // 1011, a patch marker, not a local activity
  );

  it('counts workflow tasks, activity tasks and local activity markers, nothing else', () => {
    expect(countTasks(launch)).toEqual({
      workflowTasksScheduled: 2,
      workflowTasksCompleted: 2,
      workflowTasksFailed: 0,
      workflowTasksTimedOut: 0,
      activityTasks: 1,
      localActivities: 1,
      updates: 0,
      events: 12,
    });
  });

  it('counts failed and timed-out workflow tasks apart from completed ones', () => {
    const retried = history(
      T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      T.EVENT_TYPE_WORKFLOW_TASK_STARTED,
      T.EVENT_TYPE_WORKFLOW_TASK_FAILED,
      T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      T.EVENT_TYPE_WORKFLOW_TASK_STARTED,
      T.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
      ...task,
    );
    expect(countTasks(retried)).toMatchObject({
      workflowTasksScheduled: 3,
      workflowTasksCompleted: 1,
      workflowTasksFailed: 1,
      workflowTasksTimedOut: 1,
    });
  });

  it('reads event types given by name, as in a history exported to JSON', () => {
    const named = launch.map((event) => ({ ...event, eventType: T[event.eventType as number] as unknown as typeof event.eventType }));
    expect(countTasks(named)).toEqual(countTasks(launch));
  });

  it('keeps the events recorded up to the moment the launch answered', () => {
    // Answered at t = 1006: the activity had completed, the task after it had not been scheduled.
    expect(countTasks(eventsUntil(launch, 1006))).toMatchObject({ workflowTasksCompleted: 1, activityTasks: 1, events: 7 });
    expect(eventsUntil(launch, 999)).toEqual([]);
  });

  describe('one round per Update of a name', () => {
    const handOvers = history(
      T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, // set-up, not a round
      ...task,
      ...task, // 5-7: accepts the first completeTask
      accepted('completeTask'), // 8
      ...activity,
      ...task,
      T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, // 15
      ...task, // 16-18: accepts a claim (another Update, part of the round)
      accepted('claimTask'),
      ...task, // 20-22: accepts the second completeTask
      accepted('completeTask'),
      [T.EVENT_TYPE_MARKER_RECORDED, LOCAL_ACTIVITY_MARKER],
      T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    );

    it('starts each round at the workflow task that accepted the Update and ends it where the next begins', () => {
      const rounds = updateRounds(handOvers, 'completeTask');
      expect(rounds.map((round) => round.map((event) => handOvers.indexOf(event) + 1))).toEqual([
        Array.from({ length: 15 }, (_, i) => i + 5),
        [20, 21, 22, 23, 24, 25],
      ]);
      expect(rounds.map(countTasks)).toMatchObject([
        { workflowTasksCompleted: 3, activityTasks: 1, updates: 2, localActivities: 0 },
        { workflowTasksCompleted: 1, activityTasks: 0, updates: 1, localActivities: 1 },
      ]);
    });

    it('finds no round for an Update the workflow never accepted', () => {
      expect(updateRounds(handOvers, 'decideApproval')).toEqual([]);
    });

    it('starts a second Update accepted by the same workflow task at its own acceptance', () => {
      const both = history(...task, accepted('bump'), accepted('bump'), T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
      expect(updateRounds(both, 'bump').map((round) => round.length)).toEqual([4, 2]);
    });
  });

  it('averages counts over windows and reports the spread of workflow tasks', () => {
    const one = countTasks(history(...task));
    const three = countTasks(history(...task, ...task, ...task, ...activity));
    const { windows, mean, workflowTasksRange } = meanCounts([one, three]);
    expect(windows).toBe(2);
    expect(mean.workflowTasksCompleted).toBe(2);
    expect(mean.activityTasks).toBe(0.5);
    expect(workflowTasksRange).toEqual([1, 3]);
    expect(meanCounts([])).toMatchObject({ windows: 0, workflowTasksRange: [0, 0] });
    // Forty windows of 4 average to exactly 4 (the JSON keeps the figure as it is).
    expect(
      meanCounts(Array.from({ length: 40 }, () => countTasks(history(...task, ...task, ...task, ...task)))).mean.workflowTasksCompleted,
    ).toBe(4);
  });
});
