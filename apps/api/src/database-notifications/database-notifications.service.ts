import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@lib/config';

/** What a subscriber does with what it hears on its channel, and with the moments it may have missed something. */
export interface ChannelHandlers {
  /** A notification's payload (empty payloads are dropped). */
  message(payload: string): void;
  /** Listening, the first time or again after a loss: anything sent meanwhile went unheard. */
  listening?(): void;
  /** The connection is lost: until `listening`, notifications go unheard. */
  lost?(): void;
}

/**
 * The API's one PostgreSQL connection that LISTENs, for every channel its
 * parts subscribe to (task events, people changes), so that an API instance
 * holds its pool and this one connection, whatever it listens to. After a loss
 * it connects again every 2 s until stopped, and tells each subscriber.
 */
@Injectable()
export class DatabaseNotifications implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly subscribers = new Map<string, ChannelHandlers[]>();
  private client?: Client;
  private started = false;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Subscribes to a channel (an SQL identifier); called from a subscriber's constructor, before the connection opens. */
  subscribe(channel: string, handlers: ChannelHandlers): void {
    if (this.started) throw new Error(`${channel}: subscribe before the API starts`);
    this.subscribers.set(channel, [...(this.subscribers.get(channel) ?? []), handlers]);
  }

  async onModuleInit(): Promise<void> {
    this.started = true;
    if (this.subscribers.size > 0) await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.database.url });
    // One retry per connection, whichever of its error, its end or its failed start comes first.
    let retried = false;
    const retryOnce = (err: unknown) => {
      if (retried) return;
      retried = true;
      this.retryLater(client, err);
    };
    client.on('notification', ({ channel, payload }) => {
      if (payload) for (const handlers of this.subscribers.get(channel) ?? []) handlers.message(payload);
    });
    client.on('error', retryOnce);
    client.on('end', () => retryOnce(new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      retryOnce(err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.each((handlers) => handlers.listening?.());
  }

  private retryLater(client: Client, err: unknown): void {
    if (this.stopped) return;
    if (this.client === client) this.client = undefined;
    this.each((handlers) => handlers.lost?.());
    this.logger.warn({ err }, 'database notifications: connection lost; listening again in 2 s');
    void client.end().catch(() => undefined);
    setTimeout(() => void this.connect(), 2000).unref();
  }

  private each(act: (handlers: ChannelHandlers) => void): void {
    for (const list of this.subscribers.values()) list.forEach(act);
  }
}
