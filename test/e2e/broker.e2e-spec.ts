import { randomUUID } from 'node:crypto';
import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import { brokerNames, DEAD_REASON_HEADER, ensureStreams } from '../../libs/broker/src';
import { ExternalEventEntity, TaskEntity } from '../../libs/persistence/src';
import { launchBodies } from '../helpers/kind-fixtures';
import { hasNatsServer, startNatsServer, type NatsTestServer } from '../helpers/nats-server';
import { onProcessStack } from '../helpers/process-stack';
import { eventually } from '../helpers/test-stack';

const PREFIX = 'participations-test';
const names = brokerNames(PREFIX);
const SOURCE = 'urn:test:broker';

// Skipped where Debian's nats-server is not installed (apt-get install nats-server, or NATS_SERVER_BIN): these tests need a real broker they can restart.
const describeWithNats = hasNatsServer ? describe : describe.skip;

describeWithNats('NATS JetStream: CloudEvents in and out through a real broker', () => {
  const env: Record<string, string> = {
    TASK_DUE_AFTER: '5 minutes',
    NATS_SUBJECT_PREFIX: PREFIX,
    EVENTS_POLL_INTERVAL: '100 milliseconds',
  };
  let nats: NatsTestServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  beforeAll(async () => {
    nats = await startNatsServer();
    env.NATS_URL = nats.url;
    nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    await ensureStreams(await nc.jetstreamManager(), names);
    js = nc.jetstream();
  });
  const on = onProcessStack(env);
  afterAll(async () => {
    await nc?.close();
    await nats?.close();
  });

  const offer = (businessKey: string, id: string) => ({
    specversion: '1.0',
    id,
    source: SOURCE,
    type: 'eu.offer.received',
    data: { businessKey, chapter: 'culture', direction: 'offer', reference: id.slice(0, 40) },
  });
  /** As a careful publisher does: retried with the same message id until the stream acknowledges it (a restarting broker times out). */
  async function publish(event: object, msgID: string = randomUUID()): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await js.publish(`${PREFIX}.in.eu`, JSON.stringify(event), { msgID, timeout: 2000 });
        return;
      } catch (err) {
        if (attempt >= 30) throw err;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }
  const recorded = (ids: string[]) =>
    on.stack.dataSource
      .getRepository(ExternalEventEntity)
      .createQueryBuilder('e')
      .where('e.eventId IN (:...keys)', { keys: ids.map((id) => `${id}@${SOURCE}`) })
      .getMany();
  async function negotiation() {
    const body = launchBodies.canadaEu();
    const launched = await on.api.launch(body);
    await on.api.waitForPhase(launched.id, 'consultation');
    return { ...launched, businessKey: body.businessKey };
  }

  it('moves a participation with an event published on the broker (Temporal and PostgreSQL), and publishes what followed', async () => {
    const p = await negotiation();
    const out: Array<Record<string, any>> = [];
    const sub = nc.subscribe(names.outSubjects);
    void (async () => {
      for await (const m of sub) out.push(JSON.parse(new TextDecoder().decode(m.data)) as Record<string, any>);
    })();
    const id = `bus-${p.businessKey}`;
    await publish(offer(p.businessKey, id));

    const [row] = await eventually(async () => ((await recorded([id])).length === 1 ? recorded([id]) : undefined), {
      what: 'the event row',
    });
    expect(row.routedTo).toEqual([{ workflowId: p.workflowId, via: 'signal' }]);
    await on.steps.openTasks(p.id, 'offer-analysis', 1);
    const history = await on.stack.client.workflow.getHandle(p.workflowId).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'participationEvent');
    expect(signals).toHaveLength(1);

    // What the engine recorded goes out on the broker too, as CloudEvents.
    const opened = await eventually(
      async () =>
        out.find(
          (e) => e.subject === p.workflowId && e.type === 'ca.qc.mri.participations.task.opened' && e.data.task?.kind === 'offer-analysis',
        ),
      { what: 'the published task.opened' },
    );
    expect(opened).toMatchObject({ specversion: '1.0', source: 'urn:ca:qc:mri:participations' });
    sub.unsubscribe();
  });

  it('loses nothing and duplicates nothing when the broker restarts mid-stream', async () => {
    const participations = await Promise.all([negotiation(), negotiation()]);
    const ids = participations.flatMap((p) => Array.from({ length: 10 }, (_, n) => ({ p, id: `restart-${p.businessKey}-${n}` })));
    for (const { p, id } of ids.slice(0, 10)) await publish(offer(p.businessKey, id), id);
    // Stopped once the API has begun taking these ten, one at a time.
    const recordedBeforeRestart = await eventually(
      async () => {
        const count = (await recorded(ids.map((x) => x.id))).length;
        return count > 0 ? count : undefined;
      },
      { intervalMs: 5, what: 'the first event recorded' },
    );
    await nats.restart();
    // Published again after the restart: the stream's dedup and the engine's source + id both count them once.
    for (const { p, id } of ids) await publish(offer(p.businessKey, id), id);
    for (const { p, id } of ids.slice(0, 3)) await publish(offer(p.businessKey, id));

    const rows = await eventually(
      async () => ((await recorded(ids.map((x) => x.id))).length === ids.length ? recorded(ids.map((x) => x.id)) : undefined),
      {
        what: 'all 20 events recorded',
        timeoutMs: 60_000,
      },
    );
    expect(rows).toHaveLength(20);
    process.stdout.write(`[broker] ${recordedBeforeRestart} of the first 10 events recorded when the broker was stopped\n`);
    for (const p of participations) {
      await on.steps.openTasks(p.id, 'offer-analysis', 10);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const tasks = await on.stack.dataSource
      .getRepository(TaskEntity)
      .countBy({ kind: 'offer-analysis', workflowId: participations[0].workflowId });
    expect(tasks).toBe(10);
  });

  it('moves a poison message to the dead-letter stream with its reason, and goes on with the next', async () => {
    const p = await negotiation();
    const deadBefore = (await (await nc.jetstreamManager()).streams.info(names.deadStream)).state.messages;
    await js.publish(`${PREFIX}.in.eu`, new TextEncoder().encode('{not json'), { msgID: randomUUID() });
    await publish({ specversion: '1.0', id: 'poison-type', source: SOURCE, type: 'wto.dispute.opened', data: {} });
    const good = `after-poison-${p.businessKey}`;
    await publish(offer(p.businessKey, good));
    await eventually(async () => ((await recorded([good])).length === 1 ? true : undefined), { what: 'the event after the poison' });

    const jsm = await nc.jetstreamManager();
    await eventually(async () => ((await jsm.streams.info(names.deadStream)).state.messages >= deadBefore + 2 ? true : undefined), {
      what: 'two dead letters',
    });
    const reasons: string[] = [];
    for (let seq = deadBefore + 1; seq <= deadBefore + 2; seq++) {
      const msg = await jsm.streams.getMessage(names.deadStream, { seq });
      reasons.push(msg.header.get(DEAD_REASON_HEADER));
    }
    expect(reasons[0]).toContain('not-json');
    expect(reasons[1]).toContain('Unknown event type "wto.dispute.opened"');
    expect(reasons[1]).toContain('Type d’événement inconnu');
  });
});
