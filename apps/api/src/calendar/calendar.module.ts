import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { CalendarController } from './calendar.controller';
import { CalendarFeedService } from './calendar-feed.service';

@Module({
  imports: [PersistenceModule, TemporalClientModule],
  controllers: [CalendarController],
  providers: [CalendarFeedService],
})
export class CalendarModule {}
