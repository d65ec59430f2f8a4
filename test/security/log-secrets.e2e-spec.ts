import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { signInAs } from '../helpers/identity';
import { startApiProcessOnFreePort, startAppProcess, startWorkerProcess, type AppProcess } from '../helpers/app-process';
import { connectRunDatabase } from '../helpers/database';
import { freePort } from '../helpers/free-port';
import { eventually } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/**
 * The API and the worker, as built, logging at debug level while callers send
 * tokens and cookies, the database URL carries a password and payload keys
 * are set; then started with bad or unreachable settings. No log line, no
 * error message may contain any of those secrets.
 */
describe('logs never hold secrets', () => {
  const role = `log_probe_${randomBytes(4).toString('hex')}`;
  const secrets = {
    password: `pw-${randomBytes(12).toString('hex')}`,
    token: '', // a real bearer token, minted below
    forged: `eyJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`,
    cookie: randomBytes(16).toString('hex'),
    key: randomBytes(32),
  };
  const forbidden = () => [
    secrets.password,
    secrets.token,
    secrets.token.split('.')[2], // its signature alone
    secrets.forged,
    secrets.cookie,
    secrets.key.toString('base64'),
    secrets.key.toString('hex'),
  ];
  let admin: DataSource;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    secrets.token = (await signInAs('coord-lavoie')).access_token;
    // A role with a password, so that DATABASE_URL carries one (the run's user may have none).
    admin = await connectRunDatabase();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${secrets.password}'`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await admin?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${role}`);
    await admin?.destroy();
  });

  function databaseUrl(port?: number): string {
    const url = new URL(process.env.DATABASE_URL as string);
    url.username = role;
    url.password = secrets.password;
    if (port) url.port = String(port);
    return url.toString();
  }

  it('keeps tokens, cookies, the database password and the codec keys out of every log line', async () => {
    const env = {
      DATABASE_URL: databaseUrl(),
      PAYLOAD_CODEC_KEYS: `probe:${secrets.key.toString('base64')}`,
      TEMPORAL_TASK_QUEUE: `logs-${randomUUID()}`,
      LOG_LEVEL: 'debug',
    };
    const worker = await startWorkerProcess(env);
    const { api, port } = await startApiProcessOnFreePort(freePort, env);
    processes.push(worker, api);
    const http = () => request.agent(`http://127.0.0.1:${port}`);
    const as = (req: request.Test) => req.set('Authorization', `Bearer ${secrets.token}`).set('Cookie', `session=${secrets.cookie}`);

    const launched = await as(http().post('/participations')).send(wtoLaunchBody()).expect(201);
    await as(http().get(`/participations/${launched.body.id}`)).expect(200);
    await as(http().get(`/participations/${randomUUID()}`)).expect(404);
    await as(http().post('/participations')).send({ kind: 'wto-round', title: '' }).expect(400);
    await as(http().post('/participations')).set('Content-Type', 'application/json').send('{"broken":').expect(400);
    await as(http().post('/participations'))
      .send({ padding: 'x'.repeat(300_000) })
      .expect(413);
    await as(http().post('/codec/decode')).send({ payloads: [] }).expect(403); // a coordinator may not decode
    await http().get('/participations').set('Authorization', `Bearer ${secrets.forged}`).expect(401);
    await eventually(async () => ((await as(http().get(`/participations/${launched.body.id}/tasks`))).status === 200 ? true : undefined));

    await api.kill('SIGTERM');
    await worker.kill('SIGTERM');
    const output = api.output() + worker.output();
    expect(output).toContain('"url":"/participations"'); // the request log is there, just without secrets
    expect(output).toContain('Temporal worker polling');
    expect(output).toContain('bearer token refused'); // the forged token was logged about, not logged
    for (const secret of forbidden()) expect(output.includes(secret)).toBe(false);
  }, 120_000);

  it('keeps them out of the messages of a process that cannot start', async () => {
    const shortKey = randomBytes(16).toString('base64');
    const attempts = [
      startAppProcess('api', {
        PAYLOAD_CODEC_KEYS: `probe:${shortKey}`,
        DATABASE_URL: `mysql://${role}:${secrets.password}@db.internal/x`,
      }),
      startAppProcess('api', { DATABASE_URL: databaseUrl(1), PAYLOAD_CODEC_KEYS: `probe:${secrets.key.toString('base64')}` }),
      startAppProcess('worker', { DATABASE_URL: databaseUrl(1), PAYLOAD_CODEC_KEYS: `probe:${secrets.key.toString('base64')}` }),
    ];
    processes.push(...attempts);
    for (const attempt of attempts) expect(await attempt.exited).toBe(1);
    const [badConfig, ...unreachable] = attempts.map((a) => a.output());
    expect(badConfig).toContain('PAYLOAD_CODEC_KEYS=(hidden)');
    expect(badConfig).toContain('DATABASE_URL="mysql://***@db.internal/x"');
    for (const output of unreachable) expect(output).toMatch(/ECONNREFUSED|connect/);
    for (const output of [badConfig, ...unreachable]) {
      for (const secret of [...forbidden(), shortKey]) expect(output.includes(secret)).toBe(false);
    }
  }, 60_000);
});
