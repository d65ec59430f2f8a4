import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import type { NotificationEntity } from '@lib/persistence';
import { PermanentDeliveryError } from './delivery-error';
import { SEND_TIMEOUT_MS, type NotificationTransport } from './notification-transport';

/** E-mail over SMTP (`SMTP_URL`), off without it. */
@Injectable()
export class EmailTransport implements NotificationTransport, OnApplicationShutdown {
  readonly channel = 'email' as const;
  private readonly mailer?: Transporter;
  private readonly domain: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { smtpUrl, mailFrom } = config.notifications;
    this.domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'localhost';
    if (smtpUrl) {
      this.mailer = createTransport(
        {
          ...parseConnectionUrl(smtpUrl),
          connectionTimeout: SEND_TIMEOUT_MS / 3,
          greetingTimeout: SEND_TIMEOUT_MS / 3,
          socketTimeout: SEND_TIMEOUT_MS / 3,
        },
        { from: mailFrom },
      );
    }
  }

  get enabled(): boolean {
    return this.mailer !== undefined;
  }

  async send(n: NotificationEntity): Promise<void> {
    if (!this.mailer) throw new Error('e-mail is off: SMTP_URL is not set');
    if (!n.address) throw new PermanentDeliveryError(`no e-mail address for ${n.recipientId}`);
    try {
      await this.mailer.sendMail({
        to: { name: String(n.payload?.recipient?.displayName ?? ''), address: n.address },
        subject: n.subject,
        text: n.body,
        html: n.html ?? undefined,
        // The same notification always carries the same Message-ID, so a resend after a crash can be recognised.
        messageId: `<${createHash('sha256').update(n.notificationKey).digest('hex').slice(0, 32)}@${this.domain}>`,
        headers: { 'X-Notification-Key': n.notificationKey, 'Auto-Submitted': 'auto-generated', 'Content-Language': n.locale },
      });
    } catch (err) {
      // 5xx SMTP replies are permanent (unknown mailbox, refused sender); 4xx and network errors are retried.
      const code = (err as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`, { cause: err });
      throw err;
    }
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}
