import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, headers as natsHeaders, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { connectBroker, DEAD_REASON_HEADER, DEAD_SUBJECT_HEADER, type BrokerNames } from '@lib/broker';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { DomainError } from '../../common/domain-error';
import { domainErrorText } from '../../common/domain-error-text';
import { httpStatusFor } from '../../common/http-status';
import { readIncomingEvent, STRUCTURED_CONTENT_TYPE } from '../cloud-events/incoming-event';
import { EventsService } from '../events.service';

/** A message the broker redelivers waits this long first when recording it failed for a passing reason. */
const RETRY_DELAY_MS = 1000;

/**
 * Takes CloudEvents from NATS JetStream (`<prefix>.in.>`, when NATS_URL is
 * set) and records them exactly as `POST /events` does: same validation,
 * same routing, same once-per-source+id. A message is acknowledged only after
 * its event is recorded (or found already recorded). One the engine refuses
 * (not JSON, bad fields, unknown type, no participation) is a poison message:
 * it is copied to `<prefix>.dead` with its reason, then acknowledged, so it
 * never blocks the stream and is never lost. A passing failure (Temporal or
 * PostgreSQL away) leaves it unacknowledged: the broker delivers it again.
 */
@Injectable()
export class BrokerInboundService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BrokerInboundService.name);
  private nc?: NatsConnection;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventsService,
  ) {}

  onApplicationBootstrap(): void {
    const url = this.config.events.natsUrl;
    if (!url) return;
    // Not awaited: the API serves HTTP while the broker is away; the loop connects when it can.
    this.loop = this.run(url).catch((err: unknown) => this.logger.error({ err }, 'Broker consumer stopped'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.messages?.close();
    await this.loop;
    await this.nc?.drain().catch(() => undefined);
  }

  private async run(url: string): Promise<void> {
    const { nc, names } = await connectBroker(url, this.config.events.subjectPrefix, 'participations-api');
    this.nc = nc;
    const jsm = await nc.jetstreamManager();
    await jsm.consumers
      .add(names.inStream, {
        durable_name: names.consumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        // An acknowledgement lost with a restarting broker blocks the stream (one at a time) this long: short, yet past any recording.
        ack_wait: nanos(10_000),
        max_ack_pending: 1,
      })
      .catch(async (err: unknown) => {
        // It exists already (another API instance, an earlier run): keep it as it is.
        if (!(await jsm.consumers.info(names.inStream, names.consumer).catch(() => undefined))) throw err;
      });
    const consumer = await nc.jetstream().consumers.get(names.inStream, names.consumer);
    this.logger.log({ stream: names.inStream, subjects: names.inSubjects }, 'Taking CloudEvents from NATS');
    // Short pulls and heartbeats: after a broker restart the pull is renewed within seconds, not the default 30.
    this.messages = await consumer.consume({ max_messages: 10, expires: 5000, idle_heartbeat: 2000 });
    // One at a time (max_ack_pending 1): events of one participation are recorded in the order they were published.
    for await (const msg of this.messages) await this.handle(msg, names);
  }

  private async handle(msg: JsMsg, names: BrokerNames): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, values] of msg.headers ?? []) headers[name.toLowerCase()] = values[0];
    let body: unknown;
    try {
      body = msg.data.length > 0 ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(msg.data)) : undefined;
    } catch {
      return this.deadLetter(msg, names, 'not-json: the message is not UTF-8 JSON');
    }
    // A message without ce-* headers is a structured CloudEvent, whatever its content type says.
    if (headers['ce-specversion'] === undefined) headers['content-type'] = STRUCTURED_CONTENT_TYPE;
    else headers['content-type'] ??= 'application/json';
    try {
      await this.events.receive(await readIncomingEvent(headers, body), 'fr');
      msg.ack();
    } catch (err) {
      if (err instanceof DomainError && Number(httpStatusFor(err.code)) < 500) return this.deadLetter(msg, names, reasonOf(err));
      this.logger.warn({ err, subject: msg.subject, seq: msg.seq }, 'Broker event not recorded yet: the broker will deliver it again');
      msg.nak(RETRY_DELAY_MS);
    }
  }

  /** Copies the message to the dead-letter subject with its reason, then takes it off the inbound stream. */
  private async deadLetter(msg: JsMsg, names: BrokerNames, reason: string): Promise<void> {
    const h = natsHeaders();
    for (const [name, values] of msg.headers ?? []) for (const value of values) h.append(name, value);
    h.set(DEAD_REASON_HEADER, reason.slice(0, 2000));
    h.set(DEAD_SUBJECT_HEADER, msg.subject);
    try {
      // The id makes a second copy (this message redelivered after a crash here) count once in the dead stream.
      await this.nc?.jetstream().publish(names.deadSubject, msg.data, { headers: h, msgID: `dead-${msg.info.streamSequence}` });
    } catch (err) {
      this.logger.warn({ err, subject: msg.subject }, 'Dead letter not written: the message stays on the inbound stream');
      msg.nak(RETRY_DELAY_MS);
      return;
    }
    this.logger.warn({ subject: msg.subject, reason }, 'Poison message moved to the dead-letter subject');
    msg.ack();
  }
}

/** The reason, in English then French, with the fields at fault. */
function reasonOf(err: DomainError): string {
  const fields = err.fields.map((f) => `${f.field} (${f.constraint})`).join(', ');
  return `${err.code}: ${domainErrorText(err, 'en')} / ${domainErrorText(err, 'fr')}${fields ? ` [${fields}]` : ''}`;
}
