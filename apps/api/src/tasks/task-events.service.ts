import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { TASK_EVENTS_CHANNEL, type TaskEvent } from '@lib/persistence';

/**
 * Listens to the task announcements the worker's activities make in
 * PostgreSQL (LISTEN/NOTIFY) and republishes them to the API's live streams.
 * One connection per API instance; it reconnects after a loss.
 */
@Injectable()
export class TaskEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskEventsService.name);
  private readonly events = new Subject<TaskEvent>();
  private client?: Client;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get stream(): Observable<TaskEvent> {
    return this.events.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.connect().catch((err: unknown) => this.retryLater(err));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.events.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url });
    client.on('notification', (message) => {
      if (!message.payload) return;
      try {
        this.events.next(JSON.parse(message.payload) as TaskEvent);
      } catch (err) {
        this.logger.warn({ err }, 'unreadable task event');
      }
    });
    client.on('error', (err) => this.retryLater(err));
    await client.connect();
    await client.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
    this.client = client;
  }

  private retryLater(err: unknown): void {
    if (this.stopped) return;
    this.logger.warn({ err }, 'task events connection lost; reconnecting in 2 s');
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    setTimeout(() => void this.connect().catch((e: unknown) => this.retryLater(e)), 2000).unref();
  }
}
