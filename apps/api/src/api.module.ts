import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, httpLogOptions, type AppConfig } from '@lib/config';
import { TelemetryFlush } from '@lib/telemetry';
import { loadProcessConfig } from '@workflows/registry-lookups';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { ParticipationsModule } from './participations/participations.module';
import { PeopleModule } from './people/people.module';
import { TasksModule } from './tasks/tasks.module';
import { MetricsModule } from './metrics/metrics.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { TimelineModule } from './timeline/timeline.module';
import { CalendarModule } from './calendar/calendar.module';
import { EventsModule } from './events/events.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { CodecModule } from './codec/codec.module';
import { RateLimitModule } from './security/rate-limit.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadProcessConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(httpLogOptions(config, 'api')),
        AuthModule,
        AuditModule,
        PeopleModule,
        ReferenceModule,
        HealthModule,
        ConsoleModule,
        ParticipationsModule,
        TasksModule,
        CalendarModule,
        MetricsModule,
        DashboardModule,
        ReportsModule,
        TimelineModule,
        EventsModule,
        WebhooksModule,
        CodecModule,
        RateLimitModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, TelemetryFlush],
    };
  }
}
