import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError } from '@temporalio/client';
import type { ReportScheduleSpec, ScheduleActivities } from '@lib/contracts';

/** Missed runs (worker or server down) still fire if they are this recent. */
const MIN_CATCHUP_MS = 60_000;

/**
 * Manages the Temporal Schedule a participation owns (a watch's reports). Each method is
 * idempotent: creating an existing schedule, pausing a paused one or deleting
 * a deleted one changes nothing, so a retried activity is harmless.
 */
@Injectable()
export class ScheduleActivitiesService implements ScheduleActivities {
  constructor(private readonly client: Client) {}

  async ensureReportSchedule(spec: ReportScheduleSpec): Promise<void> {
    try {
      await this.client.schedule.create({
        scheduleId: spec.scheduleId,
        spec: { intervals: [{ every: spec.intervalMs }] },
        action: {
          type: 'startWorkflow',
          workflowType: spec.workflowType,
          // The schedule appends the fire time to this id, one run per interval.
          workflowId: `${spec.participationWorkflowId}/report`,
          args: [spec.participationWorkflowId],
          taskQueue: spec.taskQueue,
        },
        policies: { catchupWindow: Math.max(MIN_CATCHUP_MS, spec.intervalMs) },
        state: { note: spec.note },
      });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }

  async setReportSchedulePaused(request: { scheduleId: string; paused: boolean; note: string }): Promise<void> {
    const handle = this.client.schedule.getHandle(request.scheduleId);
    await (request.paused ? handle.pause(request.note) : handle.unpause(request.note));
  }

  async deleteReportSchedule(request: { scheduleId: string }): Promise<void> {
    try {
      await this.client.schedule.getHandle(request.scheduleId).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }
}
