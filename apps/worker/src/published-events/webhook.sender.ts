import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { PermanentDeliveryError } from '@lib/notifications';
import type { EventOutboxEntity, WebhookSubscriptionEntity } from '@lib/persistence';
import { toCloudEvent } from './cloud-event';

const SEND_TIMEOUT_MS = 10_000;
/** Statuses worth retrying although they are 4xx: timeout, conflict, too early, rate limit. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/** The Standard Webhooks headers of one message: the id (the same on every retry), the time, the signature. */
export function signedHeaders(secret: string, msgId: string, body: string, at = new Date()): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}

/**
 * POSTs a published event to a subscription's URL as a structured CloudEvent,
 * signed per Standard Webhooks. A 2xx is delivered; a 4xx other than the
 * retryable ones is a refusal that retries will not change (dead at once);
 * anything else is retried with backoff.
 */
@Injectable()
export class WebhookSender {
  async send(subscription: WebhookSubscriptionEntity, event: EventOutboxEntity): Promise<void> {
    const cloudEvent = toCloudEvent(event, subscription.includeProtected);
    const body = JSON.stringify(cloudEvent);
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/cloudevents+json', ...signedHeaders(subscription.secret, cloudEvent.id, body) },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: 'error',
    });
    const answer = (await response.text()).slice(0, 200);
    if (response.ok) return;
    const message = `webhook answered ${response.status}${answer ? `: ${answer}` : ''}`;
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.has(response.status)) throw new PermanentDeliveryError(message);
    throw new Error(message);
  }
}
