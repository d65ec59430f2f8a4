import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientCredentialsToken } from './client-credentials-token';

/*
 * The token the API and the workers show a token-authorizing Temporal cluster:
 * against a stand-in provider that is away at first, then hands out tokens
 * that live one second.
 */
describe('ClientCredentialsToken', () => {
  let server: Server;
  let issuer: string;
  const requests: Array<{ authorization?: string; body: string }> = [];
  let answered = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ token_endpoint: `${issuer}/token` }));
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({ authorization: req.headers.authorization, body });
        // The provider is still starting for the first request.
        if (requests.length === 1) return res.writeHead(503).end('{}');
        answered += 1;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ access_token: `token-${answered}`, token_type: 'Bearer', expires_in: 1 }));
      });
      return undefined;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('retries until the provider answers, then renews before expiry and tells the listeners', async () => {
    const errors: string[] = [];
    const token = new ClientCredentialsToken({ issuer, clientId: 'worker', clientSecret: 'worker-secret' }, (m) => errors.push(m));
    const renewed: string[] = [];
    token.onRenewed((t) => renewed.push(t));
    expect(token.current()).toBe('');
    try {
      expect(await token.start()).toBe('token-1');
      expect(token.current()).toBe('token-1');
      // The failure was said, without the secret.
      expect(errors).toEqual([expect.stringContaining('token endpoint answered 503')]);
      expect(errors.join()).not.toContain('worker-secret');
      // Renewed at three quarters of its one-second life.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(renewed[0]).toBe('token-2');
      expect(token.current()).toBe(renewed[renewed.length - 1]);
    } finally {
      token.stop();
    }
    expect(requests[1]).toEqual({
      authorization: `Basic ${Buffer.from('worker:worker-secret').toString('base64')}`,
      body: 'grant_type=client_credentials',
    });
    // Stopped: no more requests.
    const count = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(requests.length).toBe(count);
  });
});
