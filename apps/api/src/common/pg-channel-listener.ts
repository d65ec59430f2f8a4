import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** What a listener does with what it hears, and with the moments it may have missed something. */
export interface ChannelHandlers {
  /** A notification's payload (empty payloads are dropped). */
  message(payload: string): void;
  /** Listening, the first time or again after a loss: anything sent meanwhile went unheard. */
  listening?(): void;
  /** The connection is lost: until `listening`, notifications go unheard. */
  lost?(): void;
}

/**
 * One PostgreSQL connection that LISTENs on one channel, and connects again
 * 2 s after a loss, for as long as it is not stopped.
 */
export class PgChannelListener {
  private client?: Client;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: ChannelHandlers,
    private readonly logger: Logger,
  ) {}

  /** Resolves once listening, or once the first attempt failed (it is then tried again in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url });
    // One retry per connection, whichever of its error, its end or its failed start comes first.
    let retried = false;
    const retryOnce = (err: unknown) => {
      if (retried) return;
      retried = true;
      this.retryLater(client, err);
    };
    client.on('notification', (message) => {
      if (message.payload) this.handlers.message(message.payload);
    });
    client.on('error', retryOnce);
    client.on('end', () => retryOnce(new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      retryOnce(err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.handlers.listening?.();
  }

  private retryLater(client: Client, err: unknown): void {
    if (this.stopped) return;
    if (this.client === client) this.client = undefined;
    this.handlers.lost?.();
    this.logger.warn({ err }, `${this.channel}: connection lost; listening again in 2 s`);
    void client.end().catch(() => undefined);
    setTimeout(() => void this.connect(), 2000).unref();
  }
}
