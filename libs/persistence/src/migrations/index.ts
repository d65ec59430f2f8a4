import { InitialSchema1764265200000 } from './1764265200000-InitialSchema';
import { AddPeople1795803087355 } from './1795803087355-AddPeople';
import { AddNotifications1795803545169 } from './1795803545169-AddNotifications';
import { SupervisionIndexes1795803846176 } from './1795803846176-SupervisionIndexes';
import { ExternalEvents1795804129718 } from './1795804129718-ExternalEvents';
import { TaskRequiredFields1796064000000 } from './1796064000000-TaskRequiredFields';
import { DirectoryGroupsAbsences1796150400000 } from './1796150400000-DirectoryGroupsAbsences';
import { CalendarFeeds1796236800000 } from './1796236800000-CalendarFeeds';
import { LaunchKeys1796323200000 } from './1796323200000-LaunchKeys';
import { PublishedEvents1796409600000 } from './1796409600000-PublishedEvents';
import { ReferenceData1796420000000 } from './1796420000000-ReferenceData';
import { InboxIndex1796510000000 } from './1796510000000-InboxIndex';
import { PeopleChanges1796520000000 } from './1796520000000-PeopleChanges';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [
  InitialSchema1764265200000,
  AddPeople1795803087355,
  AddNotifications1795803545169,
  SupervisionIndexes1795803846176,
  ExternalEvents1795804129718,
  TaskRequiredFields1796064000000,
  DirectoryGroupsAbsences1796150400000,
  CalendarFeeds1796236800000,
  LaunchKeys1796323200000,
  PublishedEvents1796409600000,
  ReferenceData1796420000000,
  InboxIndex1796510000000,
  PeopleChanges1796520000000,
];
