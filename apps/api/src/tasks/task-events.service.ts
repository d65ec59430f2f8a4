import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { TASK_EVENTS_CHANNEL, type TaskEvent } from '@lib/persistence';
import { PgChannelListener } from '../common/pg-channel-listener';

/**
 * Listens to the task announcements the worker's activities make in
 * PostgreSQL (LISTEN/NOTIFY) and republishes them to the API's live streams.
 * One connection per API instance; it reconnects after a loss.
 */
@Injectable()
export class TaskEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskEventsService.name);
  private readonly events = new Subject<TaskEvent>();
  private readonly listener: PgChannelListener;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new PgChannelListener(
      config.database.url,
      TASK_EVENTS_CHANNEL,
      { message: (payload) => this.announce(payload) },
      this.logger,
    );
  }

  get stream(): Observable<TaskEvent> {
    return this.events.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.events.complete();
    await this.listener.stop();
  }

  private announce(payload: string): void {
    try {
      this.events.next(JSON.parse(payload) as TaskEvent);
    } catch (err) {
      this.logger.warn({ err }, 'unreadable task event');
    }
  }
}
