import { BATCHED_PROJECTION_ACTIVITY, PROJECTION_ACTIVITY_NAMES, SCHEDULE_ACTIVITY_NAMES } from '@lib/contracts';
import type { ProjectionActivitiesService } from './projection.activities';
import type { ScheduleActivitiesService } from './schedule.activities';

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

/** The activity functions the worker registers, bound to their Nest providers, named by the contracts' lists. */
export function buildActivities(projection: ProjectionActivitiesService, schedules: ScheduleActivitiesService): ActivityFunctions {
  const bind = <T extends object>(service: T, names: readonly (keyof T & string)[]) =>
    names.map((name) => [name, (service[name] as ActivityFunctions[string]).bind(service)] as const);
  return Object.fromEntries([
    // The batch runs as a local activity; the single writes stay registered for runs started before it.
    ...bind(projection, [BATCHED_PROJECTION_ACTIVITY, ...PROJECTION_ACTIVITY_NAMES]),
    ...bind(schedules, SCHEDULE_ACTIVITY_NAMES),
  ]);
}
