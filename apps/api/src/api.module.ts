import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, httpLogOptions, loadConfig, type AppConfig } from '@lib/config';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthModule } from './health/health.module';
import { ParticipationsModule } from './participations/participations.module';
import { TasksModule } from './tasks/tasks.module';
import { EventsModule } from './events/events.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(httpLogOptions(config, 'api')),
        HealthModule,
        ParticipationsModule,
        TasksModule,
        EventsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
