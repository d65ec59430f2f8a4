import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, httpLogOptions, loadConfig, type AppConfig } from '@lib/config';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthModule } from './health/health.module';
import { ParticipationsModule } from './participations/participations.module';
import { TasksModule } from './tasks/tasks.module';
import { CodecModule } from './codec/codec.module';
import { RateLimitModule } from './security/rate-limit.module';

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
        CodecModule,
        RateLimitModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
