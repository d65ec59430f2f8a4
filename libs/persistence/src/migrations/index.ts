import { InitialSchema1764265200000 } from './1764265200000-InitialSchema';
import { ExternalEvents1795804129718 } from './1795804129718-ExternalEvents';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [InitialSchema1764265200000, ExternalEvents1795804129718];
