import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { ParticipationsModule } from '../participations/participations.module';
import { PeopleModule } from '../people/people.module';
import { BrokerInboundService } from './broker/broker-inbound.service';
import { EventRoutes } from './event-routes';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** `POST /events` and the broker's inbound stream: external events routed to the participations they concern. */
@Module({
  imports: [PersistenceModule, TemporalClientModule, ParticipationsModule, PeopleModule],
  controllers: [EventsController],
  providers: [EventsService, EventRoutes, BrokerInboundService],
})
export class EventsModule {}
