import { InitialSchema1764265200000 } from './1764265200000-InitialSchema';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [InitialSchema1764265200000];
