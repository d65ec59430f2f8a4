import type { ProjectionActivities, ScheduleActivities } from '@lib/contracts';
import type { ProjectionActivitiesService } from '@workflows/kit/projection.activities';
import type { ScheduleActivitiesService } from '@workflows/washington-watch/schedule.activities';

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

const PROJECTION_ACTIVITY_NAMES: (keyof ProjectionActivities)[] = [
  'registerParticipation',
  'recordPhaseChange',
  'openTask',
  'changeTask',
  'appendJournal',
  'closeParticipation',
];

const SCHEDULE_ACTIVITY_NAMES: (keyof ScheduleActivities)[] = ['ensureReportSchedule', 'setReportSchedulePaused', 'deleteReportSchedule'];

/** The activity functions the worker registers, bound to their Nest providers. */
export function buildActivities(projection: ProjectionActivitiesService, schedules: ScheduleActivitiesService): ActivityFunctions {
  const bind = <T extends object>(service: T, names: (keyof T)[]) =>
    names.map((name) => [name, (service[name] as ActivityFunctions[string]).bind(service)] as const);
  return Object.fromEntries([...bind(projection, PROJECTION_ACTIVITY_NAMES), ...bind(schedules, SCHEDULE_ACTIVITY_NAMES)]);
}
