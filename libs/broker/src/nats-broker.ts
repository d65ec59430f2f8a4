import { Logger } from '@nestjs/common';
import { connect, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection } from 'nats';
import { brokerNames, type BrokerNames } from './broker-subjects';

/**
 * Connects to NATS and makes sure the three streams exist (file storage: a
 * restarted server keeps them). Reconnects for ever: a broker that goes away
 * and comes back is waited for, never given up on. Dedup window of the
 * streams: a message published twice with one `Nats-Msg-Id` (the event id)
 * within two minutes is stored once.
 */
export async function connectBroker(url: string, prefix: string, name: string): Promise<{ nc: NatsConnection; names: BrokerNames }> {
  const logger = new Logger('NatsBroker');
  const nc = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: true });
  void (async () => {
    for await (const status of nc.status()) logger.log({ type: status.type, data: JSON.stringify(status.data) }, 'NATS connection status');
  })();
  const names = brokerNames(prefix);
  await ensureStreams(await nc.jetstreamManager(), names);
  return { nc, names };
}

export async function ensureStreams(jsm: JetStreamManager, names: BrokerNames): Promise<void> {
  const streams: [string, string][] = [
    [names.inStream, names.inSubjects],
    [names.outStream, names.outSubjects],
    [names.deadStream, names.deadSubject],
  ];
  for (const [stream, subjects] of streams) {
    const config = {
      name: stream,
      subjects: [subjects],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: 120_000_000_000,
    };
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add(config);
    }
  }
}
