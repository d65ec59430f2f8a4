import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { temporalConnectionOptions } from './connection-options';

/**
 * Owns the client connection so it closes with the application. The
 * connection is lazy: the API starts, and says on /health, while Temporal is down.
 */
@Injectable()
export class TemporalConnectionHolder implements OnApplicationShutdown {
  readonly connection: Connection;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = Connection.lazy(temporalConnectionOptions(config.temporal));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Provides the Temporal `Client` for the namespace in configuration. */
@Module({
  providers: [
    TemporalConnectionHolder,
    {
      provide: Client,
      inject: [TemporalConnectionHolder, APP_CONFIG],
      useFactory: (holder: TemporalConnectionHolder, config: AppConfig) =>
        new Client({ connection: holder.connection, namespace: config.temporal.namespace }),
    },
  ],
  exports: [Client, TemporalConnectionHolder],
})
export class TemporalClientModule {}
