import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { clientTracingInterceptors } from '@lib/telemetry';
import { payloadCodecsFor } from './codec/aes-gcm-payload-codec';
import { temporalConnectionOptions } from './connection-options';

/** The payload codecs (encryption) the Client applies, for the API's /codec endpoint as well. */
export const PAYLOAD_CODECS = Symbol('PAYLOAD_CODECS');

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

/** Provides the Temporal `Client` for the namespace in configuration, encrypting payloads when keys are set. */
@Module({
  providers: [
    TemporalConnectionHolder,
    {
      provide: PAYLOAD_CODECS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PayloadCodec[] => payloadCodecsFor(config.payloadCodec.keys),
    },
    {
      provide: Client,
      inject: [TemporalConnectionHolder, APP_CONFIG, PAYLOAD_CODECS],
      useFactory: (holder: TemporalConnectionHolder, config: AppConfig, payloadCodecs: PayloadCodec[]) =>
        new Client({
          connection: holder.connection,
          namespace: config.temporal.namespace,
          dataConverter: { payloadCodecs },
          // With tracing on, a StartWorkflow (Update, Signal…) span whose context the workflow continues.
          interceptors: { workflow: clientTracingInterceptors() },
        }),
    },
  ],
  exports: [Client, TemporalConnectionHolder, PAYLOAD_CODECS],
})
export class TemporalClientModule {}
