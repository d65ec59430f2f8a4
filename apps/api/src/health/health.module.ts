import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PersistenceModule } from '@lib/persistence';
import { TemporalClientModule } from '@lib/temporal';
import { HealthController } from './health.controller';
import { TemporalHealthIndicator } from './temporal.health';

@Module({
  imports: [TerminusModule, PersistenceModule, TemporalClientModule],
  controllers: [HealthController],
  providers: [TemporalHealthIndicator],
})
export class HealthModule {}
