import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { ParticipationLauncher } from './participation-launcher.service';
import { ParticipationReader } from './participation-reader.service';
import { ParticipationSearch } from './participation-search.service';
import { ParticipationSteps } from './participation-steps.service';
import { ParticipationStepsController } from './participation-steps.controller';
import { ParticipationsController } from './participations.controller';
import { ProcessSteps } from './process-steps.service';
import { ProcessStepsController } from './process-steps.controller';

@Module({
  imports: [PersistenceModule, TemporalClientModule],
  controllers: [ParticipationsController, ParticipationStepsController, ProcessStepsController],
  providers: [ParticipationLauncher, ParticipationReader, ParticipationSteps, ParticipationSearch, ProcessSteps],
  exports: [ParticipationReader, ParticipationLauncher],
})
export class ParticipationsModule {}
