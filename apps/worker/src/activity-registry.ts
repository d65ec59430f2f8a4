import type { ProjectionActivities } from '@lib/contracts';
import type { ProjectionActivitiesService } from '@workflows/kit/projection.activities';

type ActivityFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

const PROJECTION_ACTIVITY_NAMES: (keyof ProjectionActivities)[] = [
  'registerParticipation',
  'recordPhaseChange',
  'openTask',
  'changeTask',
  'appendJournal',
  'closeParticipation',
];

/** The activity functions the worker registers, bound to their Nest providers. */
export function buildActivities(projection: ProjectionActivitiesService): ActivityFunctions {
  return Object.fromEntries(
    PROJECTION_ACTIVITY_NAMES.map((name) => [name, projection[name].bind(projection) as ActivityFunctions[string]]),
  );
}
