import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import type { NotificationChannel, NotificationEntity } from '@lib/persistence';
import { retryDelayMs } from './backoff';
import { describeError, PermanentDeliveryError } from './delivery-error';
import { EmailTransport } from './email.transport';
import { NotificationStore } from './notification.store';
import { SEND_TIMEOUT_MS, type NotificationTransport } from './notification-transport';
import { WebhookTransport } from './webhook.transport';

/** Rows taken per round; they are delivered in parallel. */
const BATCH_SIZE = 10;
/** How long a taken row stays reserved: well over one delivery's timeout, since a batch is delivered in parallel. */
const CLAIM_LEASE_MS = 10 * SEND_TIMEOUT_MS;

/**
 * Delivers the outbox, in the worker process: polls due rows, sends each on
 * its channel, marks it sent, or schedules a retry with exponential backoff,
 * or gives it up as `failed` after NOTIFY_MAX_ATTEMPTS (at once for a
 * permanent refusal). Stops between two rounds when the application closes.
 */
@Injectable()
export class NotifierService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotifierService.name);
  private readonly transports: Map<NotificationChannel, NotificationTransport>;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: NotificationStore,
    email: EmailTransport,
    webhook: WebhookTransport,
  ) {
    this.transports = new Map([email, webhook].filter((t) => t.enabled).map((t) => [t.channel, t]));
  }

  onApplicationBootstrap(): void {
    if (this.transports.size === 0) {
      this.logger.log('Notifications are off: neither SMTP_URL nor NOTIFY_WEBHOOK_URL is set');
      return;
    }
    this.stopping = false;
    this.loop = this.run();
    this.logger.log({ channels: [...this.transports.keys()] }, 'Notifier polling the outbox');
  }

  /** Before the database closes: let the round in flight finish, start no other. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** One round: takes the due rows and delivers them; returns how many it took. */
  async deliverDue(): Promise<number> {
    const batch = await this.store.claimDue([...this.transports.keys()], BATCH_SIZE, CLAIM_LEASE_MS);
    await Promise.all(batch.map((n) => this.deliver(n)));
    return batch.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let taken = 0;
      try {
        taken = await this.deliverDue();
      } catch (err) {
        // The database is away: wait for the next round rather than stop notifying for good.
        this.logger.error({ err }, 'Notifier round failed');
      }
      if (taken < BATCH_SIZE) await this.sleep(this.config.notifications.pollIntervalMs);
    }
  }

  private async deliver(n: NotificationEntity): Promise<void> {
    const { maxAttempts, retryInitialMs, retryMaxMs } = this.config.notifications;
    const about = { id: n.id, key: n.notificationKey, channel: n.channel, attempt: n.attempts };
    try {
      await (this.transports.get(n.channel) as NotificationTransport).send(n);
    } catch (err) {
      const error = describeError(err);
      if (err instanceof PermanentDeliveryError || n.attempts >= maxAttempts) {
        this.logger.warn({ ...about, error }, 'Notification failed for good');
        await this.store.markFailed(n, error);
      } else {
        const delayMs = retryDelayMs(n.attempts, retryInitialMs, retryMaxMs);
        this.logger.warn({ ...about, error, retryInMs: delayMs }, 'Notification not delivered, will retry');
        await this.store.markRetry(n, delayMs, error);
      }
      return;
    }
    if (!(await this.store.markSent(n))) {
      this.logger.warn(about, 'Notification sent, but another notifier had taken it over');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
