import type { NotificationChannel, NotificationEntity } from '@lib/persistence';

/** One way of delivering notifications. `send` throws to retry, or a PermanentDeliveryError to give up. */
export interface NotificationTransport {
  readonly channel: NotificationChannel;
  readonly enabled: boolean;
  send(notification: NotificationEntity): Promise<void>;
}

/**
 * Longest a single delivery may take. The notifier's claim on a row lasts much
 * longer, so a row is only taken over by another notifier when its claimant died.
 */
export const SEND_TIMEOUT_MS = 30_000;
