import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { freePort } from './free-port';

export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

/** What the sink answers to one message: accepted, or an SMTP error with its code. */
export type SmtpVerdict = { code: number; message: string } | undefined;

/**
 * A real SMTP server on a free loopback port that keeps what it receives.
 * `verdict` can refuse a message (e.g. 451 the first time) to test retries.
 */
export async function startSmtpSink(verdict: (attempt: number) => SmtpVerdict = () => undefined) {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      attempts += 1;
      const refusal = verdict(attempts);
      simpleParser(stream).then(
        (mail) => {
          if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get attempts() {
      return attempts;
    },
    /** The messages sent to `address`. */
    to: (address: string) => received.filter((r) => r.to.includes(address)).map((r) => r.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
