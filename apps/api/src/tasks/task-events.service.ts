import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import { TASK_EVENTS_CHANNEL, type TaskEvent } from '@lib/persistence';
import { DatabaseNotifications } from '../database-notifications/database-notifications.service';

/**
 * Listens to the task announcements the worker's activities make in
 * PostgreSQL (LISTEN/NOTIFY) and republishes them to the API's live streams,
 * through the API's one listening connection (it reconnects after a loss).
 */
@Injectable()
export class TaskEventsService implements OnModuleDestroy {
  private readonly logger = new Logger(TaskEventsService.name);
  private readonly events = new Subject<TaskEvent>();

  constructor(notifications: DatabaseNotifications) {
    notifications.subscribe(TASK_EVENTS_CHANNEL, { message: (payload) => this.announce(payload) });
  }

  get stream(): Observable<TaskEvent> {
    return this.events.asObservable();
  }

  onModuleDestroy(): void {
    this.events.complete();
  }

  private announce(payload: string): void {
    try {
      this.events.next(JSON.parse(payload) as TaskEvent);
    } catch (err) {
      this.logger.warn({ err }, 'unreadable task event');
    }
  }
}
