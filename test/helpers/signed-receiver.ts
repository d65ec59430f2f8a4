import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { freePort } from './free-port';

export interface ReceivedEvent {
  /** Whether the Standard Webhooks signature checked out with the subscription's secret. */
  verified: boolean;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  event: Record<string, any>;
}

/**
 * A webhook receiver as a subscriber writes one: it checks every message's
 * signature with `standardwebhooks` (the same library a subscriber would use),
 * records it, and answers `status()` (200 by default; change it to simulate an
 * outage). The secret is set once the subscription gave it.
 */
export async function startSignedReceiver() {
  const received: ReceivedEvent[] = [];
  const state = { secret: '', status: () => 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: boolean;
      try {
        new Webhook(state.secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const status = state.status();
      received.push({ verified, status, headers: req.headers, event: JSON.parse(body) as Record<string, any> });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'down for now');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    state,
    /** What was accepted (2xx), for events about `subject`. */
    acceptedFor: (subject: string) => received.filter((r) => r.status < 300 && r.event.subject === subject),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
