import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { MyAbsenceController, PersonAbsenceController } from './absence.controller';
import { AbsenceService } from './absence.service';
import { DirectoryChangesController } from './directory-changes.controller';
import { DirectoryRefs, DirectoryRefsPipe } from './directory-refs.service';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/**
 * The directory: people, groups, absences and their journal, and the check of
 * every person and group a request names (DirectoryRefs), which the other
 * modules use on their own bodies.
 */
@Module({
  imports: [PersistenceModule],
  controllers: [MyAbsenceController, PersonAbsenceController, PeopleController, GroupsController, DirectoryChangesController],
  providers: [PeopleService, GroupsService, AbsenceService, DirectoryRefs, DirectoryRefsPipe],
  exports: [DirectoryRefs, DirectoryRefsPipe],
})
export class PeopleModule {}
