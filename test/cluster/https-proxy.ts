import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * HTTPS in front of an HTTP service, as an ingress puts it in production. The
 * Temporal UI sends a person's access token to a codec endpoint only over
 * https:// (ui-server v2.42: with passAccessToken and an http:// endpoint it does
 * not call it at all), so the test's API is reached through this. The
 * certificate is self-signed for 127.0.0.1 (made with openssl in `dir`); the
 * browser context that uses it ignores HTTPS errors.
 */
export async function startHttpsProxy(target: string, dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const key = join(dir, 'proxy-key.pem');
  const cert = join(dir, 'proxy-cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', key, '-out', cert].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return listen(target, key, cert);
}

function listen(target: string, keyFile: string, certFile: string) {
  const upstream = new URL(target);
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  return new Promise<{ url: string; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
