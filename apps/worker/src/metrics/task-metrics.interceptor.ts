import type { MetricCounter, MetricMeter } from '@temporalio/common';
import { Runtime, type ActivityInterceptorsFactory } from '@temporalio/worker';
import { BATCHED_PROJECTION_ACTIVITY, participationKindOf, type OpenTask, type ProjectionBatch, type TaskChange } from '@lib/contracts';

interface TaskCounters {
  opened: MetricCounter;
  completed: MetricCounter;
  overdue: MetricCounter;
}

/**
 * Counts the project's task events as the worker records them: tasks opened,
 * completed, and become overdue. They go through the Temporal SDK's metric
 * meter, so the worker's one /metrics serves them beside the SDK's own.
 * Counted after the projection write succeeded; a rare retry after a lost
 * completion may count twice, which alerting on rates tolerates.
 */
export function taskMetricsInterceptor(): ActivityInterceptorsFactory {
  let counters: TaskCounters | undefined;
  // Created on first use: the Runtime (with or without a metrics exporter) is installed by then.
  const get = () => (counters ??= createCounters(Runtime.instance().metricMeter));
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const result = await next(input);
        countTaskEvent(get(), ctx.info.activityType, input.args[0], ctx.info.taskQueue);
        return result;
      },
    },
  });
}

function createCounters(meter: MetricMeter): TaskCounters {
  return {
    opened: meter.createCounter('participation_tasks_opened', '', 'Human tasks opened by participation workflows'),
    completed: meter.createCounter('participation_tasks_completed', '', 'Human tasks delivered'),
    overdue: meter.createCounter('participation_tasks_became_overdue', '', 'Human tasks that passed their due date still open'),
  };
}

function countTaskEvent(counters: TaskCounters, activityType: string, arg: unknown, taskQueue: string): void {
  // A batch (a local activity) counts each of its writes as if it had run alone.
  if (activityType === BATCHED_PROJECTION_ACTIVITY) {
    for (const write of (arg as ProjectionBatch).writes) countTaskEvent(counters, write.name, write.input, taskQueue);
  } else if (activityType === 'openTask') {
    const task = arg as OpenTask;
    counters.opened.add(1, { participation_kind: participationKindOf(task.workflowId), task_kind: task.kind, task_queue: taskQueue });
  } else if (activityType === 'changeTask') {
    const change = arg as TaskChange;
    const tags = { participation_kind: participationKindOf(change.workflowId), task_queue: taskQueue };
    if (change.status === 'completed') counters.completed.add(1, tags);
    if (change.overdue === true) counters.overdue.add(1, tags);
  }
}
