import { startApiProcessOnFreePort, startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { freePort } from '../helpers/free-port';
import { startOtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver';
import { remoteHttp, tokensFor } from '../helpers/remote-http';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

const SERVER = 2; // OTLP SpanKind

/**
 * The built API and worker, with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a
 * receiver of the test's own: one launch gives one trace, from the HTTP request
 * through the Temporal client, the workflow and the activity, to the SQL that
 * writes the projection.
 */
describe('tracing (OpenTelemetry over OTLP)', () => {
  let stack: TestStack; // its database and Temporal only; the API and the worker are processes
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  const processes: AppProcess[] = [];
  let port: number;

  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'error' }, { worker: false });
    receiver = await startOtlpReceiver();
    const env = {
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Export within a fraction of a second rather than the default 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    processes.push(await startWorkerProcess(env));
    const started = await startApiProcessOnFreePort(freePort, env);
    port = started.port;
    processes.push(started.api);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await receiver?.close();
    await stack?.close();
  });

  it('links the launch request to the projection write in one trace', async () => {
    const http = remoteHttp(() => `http://127.0.0.1:${port}`, await tokensFor((id) => stack.token(id), ['coord-lavoie']));
    const launched = (await http().post('/participations').send(wtoLaunchBody()).expect(201)).body as { workflowId: string };
    // The RunWorkflow span lasts as long as the run, and is exported when it ends: end it (the cancel itself is not traced).
    await stack.client.workflow.getHandle(launched.workflowId).cancel();

    const byId = (spans: ReceivedSpan[]) => new Map(spans.map((s) => [s.spanId, s]));
    const ancestry = (span: ReceivedSpan, spans: Map<string, ReceivedSpan>): ReceivedSpan[] => {
      const chain = [span];
      for (let parent = spans.get(span.parentSpanId ?? ''); parent; parent = spans.get(parent.parentSpanId ?? '')) chain.push(parent);
      return chain;
    };
    // The SQL of the projection write, once its whole ancestry up to the HTTP request has arrived.
    const chain = await eventually(
      async () => {
        const spans = byId(receiver.spans);
        const writes = receiver.spans.filter(
          (s) =>
            s.service === 'participations-worker' && s.name.startsWith('pg.query') && /insert/i.test(String(s.attributes['db.statement'])),
        );
        return writes
          .map((write) => ancestry(write, spans))
          .find((c) => c.some((s) => s.name === 'RunActivity:applyProjectionBatch') && c.at(-1)?.kind === SERVER);
      },
      {
        what: `a pg INSERT span under the batch that registers the participation, linked to the HTTP request (spans: ${receiver.spans.map((s) => s.name).join(', ')})`,
      },
    );

    const names = chain.map((s) => `${s.service} ${s.name}`).reverse();
    expect(new Set(chain.map((s) => s.traceId)).size).toBe(1);
    const root = chain.at(-1)!;
    expect(root).toMatchObject({ service: 'participations-api', kind: SERVER });
    expect(String(root.attributes['http.target'] ?? root.attributes['url.path'])).toBe('/participations');
    // In this order from the request down, other spans (Nest's handler, StartActivity) in between.
    const expected = [
      'participations-api UpdateWithStartWorkflow:participationRegistered',
      'participations-worker RunWorkflow:wtoRoundWorkflow',
      'participations-worker RunActivity:applyProjectionBatch',
    ];
    expect(names.filter((name) => expected.includes(name))).toEqual(expected);
    expect(names.at(-1)).toMatch(/^participations-worker pg\.query/);
    // The API's log line of the request carries the trace's id.
    const requestLog = processes[1]
      .output()
      .split('\n')
      .find((line) => line.includes('"url":"/participations"') && line.includes('"method":"POST"'));
    expect(JSON.parse(requestLog ?? '{}')).toMatchObject({ trace_id: root.traceId, span_id: root.spanId });
    // Every span of the trace is in the receiver under the one trace id, the workflow's included.
    expect(receiver.spans.filter((s) => s.traceId === root.traceId && s.name === 'RunWorkflow:wtoRoundWorkflow')).toHaveLength(1);
  });
});
