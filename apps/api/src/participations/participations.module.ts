import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { PeopleModule } from '../people/people.module';
import { LaunchController } from './launch/launch.controller';
import { ParticipationLauncher } from './launch/participation-launcher.service';
import { ParticipationReader } from './read/participation-reader.service';
import { ParticipationSearch } from './read/participation-search.service';
import { ReadController } from './read/read.controller';
import { DecisionsController } from './steps/decisions.controller';
import { ParticipationSteps } from './steps/participation-steps.service';
import { ProposalsController } from './steps/proposals.controller';
import { ScheduleController } from './steps/schedule.controller';

/** Participations by concern: launching them, reading them, and the steps people take on them. */
@Module({
  imports: [PersistenceModule, TemporalClientModule, PeopleModule],
  controllers: [LaunchController, ReadController, DecisionsController, ScheduleController, ProposalsController],
  providers: [ParticipationLauncher, ParticipationReader, ParticipationSearch, ParticipationSteps],
  exports: [ParticipationReader, ParticipationLauncher],
})
export class ParticipationsModule {}
