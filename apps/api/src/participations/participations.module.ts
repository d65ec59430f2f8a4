import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { ParticipationLauncher } from './participation-launcher.service';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSearch } from './participation-search.service';
import { ParticipationSteps } from './participation-steps.service';
import { ParticipationStepsController } from './participation-steps.controller';
import { ParticipationsController } from './participations.controller';

@Module({
  imports: [PersistenceModule, TemporalClientModule],
  controllers: [ParticipationsController, ParticipationStepsController],
  providers: [ParticipationLauncher, ParticipationReader, ParticipationSteps, ParticipationSearch],
  exports: [ParticipationReader],
})
export class ParticipationsModule {}
