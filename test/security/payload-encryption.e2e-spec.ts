import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startDevServerRetrying } from '../../infra/temporal/dev-server';
import { freePort } from '../helpers/free-port';
import { participationApi } from '../helpers/participation-api';
import { startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';
import {
  historyBytes,
  localActivityMarkers,
  metadataText,
  patchMarkers,
  payloadsIn,
  rawHistory,
  type RawPayload,
} from './history-payloads';

const UI_ORIGIN = 'http://127.0.0.1:8233';
const key = () => randomBytes(32).toString('base64');
const b64 = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('base64');
const toJson = (p: RawPayload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
  data: b64(p.data),
});

/**
 * Positions and personal data in workflow payloads reach the Temporal server
 * encrypted: the raw history holds no plaintext. Supervisors read them
 * through the codec endpoint; keys rotate by adding one in front.
 */
describe('payloads encrypted at rest in Temporal', () => {
  const keyA = `a-${randomUUID().slice(0, 6)}:${key()}`;
  const keyB = `b-${randomUUID().slice(0, 6)}:${key()}`;
  const secret = () => `Position confidentielle ${randomUUID()}`;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ PAYLOAD_CODEC_KEYS: keyA, CODEC_CORS_ORIGINS: UI_ORIGIN });
  });
  afterAll(() => stack?.close());

  /** A round launched and worked through with secrets in every free-text field; its id and the secrets. */
  async function roundWithSecrets(on: TestStack) {
    const api = participationApi(on);
    const secrets = { title: secret(), note: secret(), deliverable: secret(), comments: secret() };
    const { id, workflowId } = await api.launch(wtoLaunchBody({ title: secrets.title, sessions: [] }));
    await api.waitForPhase(id, 'federal-coordination');
    await api.step(id, 'federal-response', { decision: 'granted', note: secrets.note, actorId: 'coord-lavoie' }).expect(200);
    for (const task of await api.waitForOpenTasks(id, 'position', 2)) {
      await api.completeTask(task.id, task.assigneeId, secrets.deliverable).expect(200);
    }
    await api.waitForPhase(id, 'mandate-approval');
    await api.step(id, 'mandate-decision', { decision: 'revise', comments: secrets.comments, actorId: 'dm-international' }).expect(200);
    return { id, workflowId, secrets };
  }

  it('keeps every payload of the history encrypted: no plaintext on the server', async () => {
    const { id, workflowId, secrets } = await roundWithSecrets(stack);
    // The API, through the codec, reads them back in clear.
    expect((await stack.http().get(`/participations/${id}`).expect(200)).body.live.title).toBe(secrets.title);

    const history = await rawHistory(stack.client, workflowId);
    const bytes = historyBytes(history);
    for (const text of Object.values(secrets)) expect(bytes.includes(Buffer.from(text))).toBe(false);
    const payloads = payloadsIn(history);
    expect(payloads.length).toBeGreaterThan(10);
    expect(new Set(payloads.map((p) => metadataText(p, 'encoding')))).toEqual(new Set(['binary/encrypted']));
    expect(new Set(payloads.map((p) => metadataText(p, 'encryption-key-id')))).toEqual(new Set([keyA.split(':')[0]]));
    // The one kind of payload left clear, written by the SDK's core: a patch marker, which says a patch's id and nothing else.
    const markers = patchMarkers(history);
    expect(markers).toContainEqual({ id: 'approval-tasks', deprecated: false });
    for (const marker of markers) expect(marker).toEqual({ id: expect.stringMatching(/^[a-z-]+$/), deprecated: false });
    // The other: a local activity's bookkeeping, which names the activity and its times, never a value it wrote.
    const local = localActivityMarkers(history);
    expect(local.length).toBeGreaterThan(0);
    const bookkeeping = ['seq', 'attempt', 'activityId', 'activityType', 'completeTime', 'backoff', 'originalScheduleTime'];
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const marker of local) {
      for (const field of Object.keys(marker)) expect([...bookkeeping, ...bookkeeping.map(snake)]).toContain(field);
      expect(marker.activityType ?? marker.activity_type).toBe('applyProjectionBatch');
    }
  });

  it('would see plaintext without keys: the check above can fail', async () => {
    const plain = await startTestStack();
    try {
      const { workflowId, secrets } = await roundWithSecrets(plain);
      const bytes = historyBytes(await rawHistory(plain.client, workflowId));
      expect(bytes.includes(Buffer.from(secrets.title))).toBe(true);
      expect(bytes.includes(Buffer.from(secrets.deliverable))).toBe(true);
    } finally {
      await plain.close();
    }
  });

  it('decodes the history for supervisors through /codec, and refuses what it cannot open', async () => {
    const { workflowId, secrets } = await roundWithSecrets(stack);
    const history = await rawHistory(stack.client, workflowId);
    const input = payloadsIn(history.events?.[0]?.workflowExecutionStartedEventAttributes?.input)[0];
    const supervisor = stack.http('sup-gagnon');
    const decoded = await supervisor
      .post('/codec/decode')
      .set('X-Namespace', 'default')
      .send({ payloads: [toJson(input)] })
      .expect(200);
    const [clear] = decoded.body.payloads;
    expect(Buffer.from(clear.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(clear.data, 'base64').toString()).title).toBe(secrets.title);

    const encoded = await supervisor
      .post('/codec/encode')
      .send({ payloads: [clear] })
      .expect(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const again = await supervisor.post('/codec/decode').send(encoded.body).expect(200);
    expect(again.body.payloads[0].data).toBe(clear.data);

    const tampered = toJson(input);
    tampered.data = b64(Buffer.from(tampered.data, 'base64').map((byte, i) => (i === 20 ? byte ^ 1 : byte)));
    const refused = await supervisor
      .post('/codec/decode')
      .send({ payloads: [clear, tampered] })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'payloads.1', constraint: 'isDecryptable' })]);

    // Supervisors (and admins) only: a coordinator or an expert reads no one's payloads through it.
    await stack
      .http('admin')
      .post('/codec/decode')
      .send({ payloads: [toJson(input)] })
      .expect(200);
    await stack
      .http('coord-lavoie')
      .post('/codec/decode')
      .send({ payloads: [toJson(input)] })
      .expect(403);
    await stack
      .http('expert-tremblay')
      .post('/codec/decode')
      .send({ payloads: [toJson(input)] })
      .expect(403);
    await stack
      .http(null)
      .post('/codec/decode')
      .send({ payloads: [toJson(input)] })
      .expect(401);
  });

  it('answers the Temporal UI’s preflight from its origin only', async () => {
    const preflight = (origin: string) =>
      stack
        .http()
        .options('/codec/decode')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-namespace');
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(allowed.headers['access-control-allow-headers']).toMatch(/x-namespace/i);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // The codec's origin gets nothing on the rest of the API: its CORS stays closed.
    const api = await stack.http().get('/participations').set('Origin', UI_ORIGIN);
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('points the Temporal UI at the codec endpoint (--ui-codec-endpoint)', async () => {
    const codecEndpoint = 'http://127.0.0.1:3000/codec';
    const server = await startDevServerRetrying({
      cliPath: process.env.TEMPORAL_CLI as string,
      uiPort: await freePort(),
      dbFilename: join(process.env.TEST_RUN_DIR as string, `ui-${randomUUID().slice(0, 8)}.db`),
      uiCodecEndpoint: codecEndpoint,
    });
    try {
      const settings = (await (await fetch(`${server.uiUrl}/api/v1/settings`)).json()) as { Codec?: unknown };
      expect(settings.Codec).toMatchObject({ Endpoint: codecEndpoint });
    } finally {
      await server.stop();
    }
  });

  it('rotates keys: a worker with a new key in front carries on old workflows and encrypts with the new one', async () => {
    const queue = `codec-rotation-${randomUUID()}`;
    const before = await startTestStack({ PAYLOAD_CODEC_KEYS: keyA, TEMPORAL_TASK_QUEUE: queue });
    let round: Awaited<ReturnType<typeof roundWithSecrets>>;
    try {
      round = await roundWithSecrets(before);
      await participationApi(before).waitForOpenTasks(round.id, 'position', 2); // the revision's tasks, opened with key A
    } finally {
      await before.close();
    }
    const { id, workflowId } = round;
    // Only the rotated API and worker are left to carry this workflow on.
    const rotated = await startTestStack({ PAYLOAD_CODEC_KEYS: `${keyB},${keyA}`, TEMPORAL_TASK_QUEUE: queue });
    try {
      const api = participationApi(rotated);
      for (const task of await api.waitForOpenTasks(id, 'position', 2)) {
        await api.completeTask(task.id, task.assigneeId).expect(200);
      }
      await api.waitForPhase(id, 'mandate-approval');
      await api.step(id, 'mandate-decision', { decision: 'reject', comments: 'Non.', actorId: 'dm-international' }).expect(200);
      await rotated.client.workflow.getHandle(workflowId).result();
      const ids = new Set(payloadsIn(await rawHistory(rotated.client, workflowId)).map((p) => metadataText(p, 'encryption-key-id')));
      expect(ids).toEqual(new Set([keyA.split(':')[0], keyB.split(':')[0]]));
    } finally {
      await rotated.close();
    }
  });
});
