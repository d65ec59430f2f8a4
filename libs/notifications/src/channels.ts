import type { NotificationConfig } from '@lib/config';
import type { NotificationChannel } from '@lib/persistence';

/**
 * The channels this deployment delivers on: e-mail with an SMTP server, the
 * webhook with its URL. Nothing is enqueued for a channel that is off, so the
 * outbox never fills with rows nobody will send.
 */
export function enabledChannels(config: NotificationConfig): NotificationChannel[] {
  return [...(config.smtpUrl ? (['email'] as const) : []), ...(config.webhookUrl ? (['webhook'] as const) : [])];
}
