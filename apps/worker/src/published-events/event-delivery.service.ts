import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { MetricCounter } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { describeError, PermanentDeliveryError, retryDelayMs } from '@lib/notifications';
import { BROKER_TARGET } from '@lib/persistence';
import { BrokerPublisher } from './broker.publisher';
import { EventDeliveryStore, type DueDelivery } from './event-delivery.store';
import { WebhookSender } from './webhook.sender';

const BATCH_SIZE = 20;
/** A taken delivery stays reserved well past one send's timeout (a batch is sent in parallel). */
const CLAIM_LEASE_MS = 60_000;

type Outcome = 'delivered' | 'retry' | 'dead';

/**
 * The published events' delivery loop, in the worker: takes due deliveries
 * (in order per target and participation), sends each to its webhook or to
 * the broker, and marks it delivered, or retries it with exponential backoff,
 * or after EVENTS_MAX_ATTEMPTS (at once for a permanent refusal) leaves it
 * `dead`, in the dead-letter list an admin reads and replays. All its state is
 * in PostgreSQL: a restarted worker goes on where the last one stopped.
 */
@Injectable()
export class EventDeliveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventDeliveryService.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private counter?: MetricCounter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: EventDeliveryStore,
    private readonly webhooks: WebhookSender,
    private readonly broker: BrokerPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.stopping = false;
    this.loop = this.run();
    this.logger.log({ broker: this.broker.enabled }, 'Delivering published events (webhooks' + (this.broker.enabled ? ', NATS)' : ')'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** One round: takes the due deliveries and sends them; returns how many it took. */
  async deliverDue(): Promise<number> {
    const batch = await this.store.claimDue(this.broker.enabled ? 'webhooks-and-broker' : 'webhooks', BATCH_SIZE, CLAIM_LEASE_MS);
    await Promise.all(batch.map((due) => this.deliver(due)));
    return batch.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let taken = 0;
      try {
        taken = await this.deliverDue();
      } catch (err) {
        this.logger.error({ err }, 'Event delivery round failed');
      }
      if (taken < BATCH_SIZE) await this.sleep(this.config.events.pollIntervalMs);
    }
  }

  private async deliver({ delivery, event, subscription }: DueDelivery): Promise<void> {
    const { maxAttempts, retryInitialMs, retryMaxMs } = this.config.events;
    const about = { id: delivery.id, seq: delivery.seq, target: delivery.target, attempt: delivery.attempts };
    try {
      if (delivery.target === BROKER_TARGET) await this.broker.publish(event);
      else if (!subscription?.active) throw new PermanentDeliveryError('the subscription was removed or deactivated');
      else await this.webhooks.send(subscription, event);
    } catch (err) {
      const error = describeError(err);
      if (err instanceof PermanentDeliveryError || delivery.attempts >= maxAttempts) {
        this.logger.warn({ ...about, error }, 'Event delivery dead-lettered');
        await this.store.markDead(delivery, error);
        this.count(delivery.target, 'dead');
      } else {
        const delayMs = retryDelayMs(delivery.attempts, retryInitialMs, retryMaxMs);
        this.logger.warn({ ...about, error, retryInMs: delayMs }, 'Event not delivered, will retry');
        await this.store.markRetry(delivery, delayMs, error);
        this.count(delivery.target, 'retry');
      }
      return;
    }
    await this.store.markDelivered(delivery);
    this.count(delivery.target, 'delivered');
  }

  /** `participation_event_deliveries_total{target="webhook"|"broker", outcome}` on the worker's /metrics. */
  private count(target: string, outcome: Outcome): void {
    this.counter ??= Runtime.instance().metricMeter.createCounter(
      'participation_event_deliveries',
      '',
      'Published event delivery attempts by outcome',
    );
    this.counter.add(1, { target: target === BROKER_TARGET ? 'broker' : 'webhook', outcome });
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
