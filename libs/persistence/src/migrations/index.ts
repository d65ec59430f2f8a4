import { InitialSchema1764265200000 } from './1764265200000-InitialSchema';
import { DashboardIndexes1764268800000 } from './1764268800000-DashboardIndexes';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [InitialSchema1764265200000, DashboardIndexes1764268800000];
