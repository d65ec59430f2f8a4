import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { headers as natsHeaders, type JetStreamClient, type NatsConnection } from 'nats';
import { connectBroker, type BrokerNames } from '@lib/broker';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import type { EventOutboxEntity } from '@lib/persistence';
import { toCloudEvent } from './cloud-event';

/** How long one publish waits for the broker connection before it counts as a failed attempt. */
const CONNECT_WAIT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`NATS not connected within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Publishes events to NATS JetStream (when NATS_URL is set) as structured
 * CloudEvents on `<prefix>.out.<type>`. The message id is the event id, so a
 * publish repeated after a lost acknowledgement is stored once by the
 * stream's dedup window. The broker's subscribers are the ministry's own
 * systems: they receive the protected free text too.
 */
@Injectable()
export class BrokerPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BrokerPublisher.name);
  private connection?: Promise<{ nc: NatsConnection; js: JetStreamClient; names: BrokerNames }>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.events.natsUrl !== undefined;
  }

  async publish(event: EventOutboxEntity): Promise<void> {
    // A broker that is away must not hold the delivery round (webhooks share it): this attempt fails and is retried,
    // while the connection keeps trying in the background.
    const { js, names } = await withTimeout(this.connect(), CONNECT_WAIT_MS);
    const cloudEvent = toCloudEvent(event, true);
    const h = natsHeaders();
    h.set('Content-Type', 'application/cloudevents+json');
    h.set('ce-id', cloudEvent.id);
    h.set('ce-type', cloudEvent.type);
    h.set('ce-subject', cloudEvent.subject);
    await js.publish(names.outSubject(cloudEvent.type), JSON.stringify(cloudEvent), { msgID: cloudEvent.id, headers: h, timeout: 5000 });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.nc.drain().catch(() => undefined);
  }

  private connect() {
    this.connection ??= connectBroker(this.config.events.natsUrl as string, this.config.events.subjectPrefix, 'participations-worker').then(
      ({ nc, names }) => ({ nc, js: nc.jetstream(), names }),
      (err: unknown) => {
        this.connection = undefined;
        this.logger.warn({ err }, 'NATS not reached: published events wait in the outbox');
        throw err;
      },
    );
    return this.connection;
  }
}
