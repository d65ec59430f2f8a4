import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { WriteThrottlerGuard } from './write-throttler.guard';

/**
 * RATE_LIMIT_WRITES write requests per caller per RATE_LIMIT_WINDOW, counted
 * in this process's memory: each API instance counts its own callers.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ limit: config.http.rateLimit.writes, ttl: config.http.rateLimit.windowMs }],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: WriteThrottlerGuard }],
})
export class RateLimitModule {}
