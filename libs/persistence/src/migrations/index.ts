import { InitialSchema1764265200000 } from './1764265200000-InitialSchema';
import { AddPeople1795803087355 } from './1795803087355-AddPeople';
import { AddNotifications1795803545169 } from './1795803545169-AddNotifications';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [
  InitialSchema1764265200000,
  AddPeople1795803087355,
  AddNotifications1795803545169,
];
