import { request as httpRequest } from 'node:http';
import { signInAs } from '../helpers/identity';
import { startApiProcessOnFreePort, type AppProcess } from '../helpers/app-process';
import { freePort } from '../helpers/free-port';
import { startTestStack, type TestStack } from '../helpers/test-stack';

/** Answers one request sent from a given loopback address: another caller, as far as the API can tell. */
function requestFrom(
  localAddress: string,
  port: number,
  method: string,
  path: string,
  token: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    const req = httpRequest({ host: '127.0.0.1', port, method, path, localAddress, headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data ? JSON.parse(data) : undefined }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('HTTP hardening: security headers, CORS, rate limits', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false });
  });
  afterAll(() => stack?.close());

  it('sends helmet’s security headers and no X-Powered-By', async () => {
    for (const path of ['/health', '/participations', '/no-such-route']) {
      const res = await stack.http().get(path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps CORS closed by default: no origin is allowed, preflights included', async () => {
    const simple = await stack.http().get('/participations').set('Origin', 'https://inbox.example.org');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await stack
      .http()
      .options('/participations')
      .set('Origin', 'https://inbox.example.org')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('opens CORS to the listed origins only', async () => {
    const open = await startTestStack({ CORS_ORIGINS: 'https://inbox.example.org' }, { worker: false });
    try {
      const allowed = await open
        .http()
        .options('/participations')
        .set('Origin', 'https://inbox.example.org')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,idempotency-key,authorization');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://inbox.example.org');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/idempotency-key/i);
      const other = await open.http().get('/participations').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  describe('rate limiting of writes, per caller', () => {
    let api: AppProcess;
    let port: number;
    let token: string;
    let otherToken: string;

    beforeAll(async () => {
      token = (await signInAs('coord-lavoie')).access_token;
      otherToken = (await signInAs('dm-international')).access_token;
      ({ api, port } = await startApiProcessOnFreePort(freePort, { RATE_LIMIT_WRITES: '5', RATE_LIMIT_WINDOW: '15s', LOG_LEVEL: 'warn' }));
    });
    afterAll(() => api?.kill('SIGTERM'));

    it('answers 429 with Retry-After once a caller exceeds its writes, leaves reads and other callers alone, then lets it write again', async () => {
      const write = (from: string, as = token) => requestFrom(from, port, 'POST', '/participations', as);
      // All at once: one after the other, a loaded machine could let the window pass before the sixth.
      const first = (await Promise.all([1, 2, 3, 4, 5].map(() => write('127.0.0.2')))).map((r) => r.status);
      expect(first).toEqual(Array(5).fill(400)); // counted, refused for their empty bodies

      const limited = await write('127.0.0.2');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'rate-limited' });
      expect(limited.body.message).toMatch(/^Trop de requêtes d’écriture : réessayez dans \d+ s\.$/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      expect((await requestFrom('127.0.0.2', port, 'GET', '/participations', token)).status).toBe(200); // reads are not limited
      // The count is per caller (the token's subject), not per address.
      expect((await write('127.0.0.3')).status).toBe(429);
      expect((await write('127.0.0.2', otherToken)).status).toBe(400); // another caller has its own count

      await new Promise((resolve) => setTimeout(resolve, (Number(limited.headers['retry-after']) + 1) * 1000));
      expect((await write('127.0.0.2')).status).toBe(400);
    }, 60_000);
  });
});
