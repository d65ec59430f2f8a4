import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import type { NotificationEntity } from '@lib/persistence';
import { PermanentDeliveryError } from './delivery-error';
import { SEND_TIMEOUT_MS, type NotificationTransport } from './notification-transport';

/** Statuses worth retrying although they are 4xx: timeout, conflict with a request in flight, too early, rate limit. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/**
 * A JSON POST to `NOTIFY_WEBHOOK_URL` per notification. The `Idempotency-Key`
 * header is the notification key: a receiver that keeps it sees each
 * notification once even if a retry reaches it twice.
 */
@Injectable()
export class WebhookTransport implements NotificationTransport {
  readonly channel = 'webhook' as const;
  private readonly url?: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.url = config.notifications.webhookUrl;
  }

  get enabled(): boolean {
    return this.url !== undefined;
  }

  async send(n: NotificationEntity): Promise<void> {
    if (!this.url) throw new Error('the webhook is off: NOTIFY_WEBHOOK_URL is not set');
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': n.notificationKey },
      body: JSON.stringify(webhookBody(n)),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const answer = (await response.text()).slice(0, 200);
    if (response.ok) return;
    const message = `webhook answered ${response.status}${answer ? `: ${answer}` : ''}`;
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.has(response.status)) {
      throw new PermanentDeliveryError(message);
    }
    throw new Error(message);
  }
}

/** What the webhook receives: the texts as the e-mail has them, and identifiers to act on. */
export function webhookBody(n: NotificationEntity) {
  return {
    key: n.notificationKey,
    action: n.action,
    recipient: n.payload?.recipient ?? { id: n.recipientId },
    locale: n.locale,
    subject: n.subject,
    text: n.body,
    link: n.payload?.link,
    workflowId: n.payload?.workflowId,
    participationId: n.payload?.participationId,
    taskId: n.payload?.taskId ?? null,
    createdAt: n.createdAt,
  };
}
