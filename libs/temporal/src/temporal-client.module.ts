import { Inject, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { clientTracingInterceptors } from '@lib/telemetry';
import { ClientCredentialsToken } from './client-credentials-token';
import { payloadCodecsFor } from './codec/aes-gcm-payload-codec';
import { temporalConnectionOptions } from './connection-options';

/** The payload codecs (encryption) the Client applies, for the API's /codec endpoint as well. */
export const PAYLOAD_CODECS = Symbol('PAYLOAD_CODECS');

/**
 * Owns the client connection so it closes with the application. The
 * connection is lazy: the API starts, and says on /health, while Temporal is down.
 * With client credentials (a cluster that authorizes from JWT claims), each call
 * carries the API's current access token.
 */
@Injectable()
export class TemporalConnectionHolder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalConnectionHolder.name);
  readonly connection: Connection;
  private readonly token?: ClientCredentialsToken;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { auth } = config.temporal;
    const token = auth ? new ClientCredentialsToken(auth, (message) => this.logger.warn(message)) : undefined;
    this.token = token;
    this.connection = Connection.lazy({
      ...temporalConnectionOptions(config.temporal),
      ...(token ? { apiKey: () => token.current() } : {}),
    });
  }

  /** Waits a little for the first token, so that the first calls carry one; renewals go on in the background. */
  async onModuleInit(): Promise<void> {
    if (!this.token) return;
    const first = this.token.start();
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, FIRST_TOKEN_WAIT_MS).unref())]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.token?.stop();
    await this.connection.close();
  }
}

/** How long the API's start waits for its first Temporal token (the provider may start after it). */
const FIRST_TOKEN_WAIT_MS = 10_000;

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
