import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { ParticipationsModule } from '../participations/participations.module';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

@Module({
  imports: [PersistenceModule, TemporalClientModule, ParticipationsModule],
  controllers: [TimelineController],
  providers: [TimelineService],
})
export class TimelineModule {}
