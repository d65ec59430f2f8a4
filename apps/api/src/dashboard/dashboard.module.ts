import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { DashboardController } from './dashboard.controller';
import { DashboardMetrics } from './dashboard.metrics';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [PersistenceModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardMetrics],
})
export class DashboardModule {}
