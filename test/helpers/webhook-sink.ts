import { createServer, type IncomingHttpHeaders } from 'node:http';
import { freePort } from './free-port';

export interface WebhookCall {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, any>;
}

/** A local HTTP endpoint that records each POST and answers `status(call number)` (200 by default). */
export async function startWebhookSink(status: (call: number) => number = () => 200) {
  const calls: WebhookCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = status(calls.length + 1);
      calls.push({ status: answer, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : 'try again');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks/participations`,
    calls,
    /** The calls answered with a 2xx. */
    accepted: () => calls.filter((c) => c.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookSink = Awaited<ReturnType<typeof startWebhookSink>>;
