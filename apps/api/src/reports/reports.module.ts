import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/persistence';
import { PlanReportController } from './plan-report.controller';
import { PlanReportService } from './plan-report.service';

@Module({
  imports: [PersistenceModule],
  controllers: [PlanReportController],
  providers: [PlanReportService],
})
export class ReportsModule {}
