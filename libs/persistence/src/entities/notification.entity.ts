import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The notifications outbox: a row is written in the same transaction as the
 * task change it announces, then delivered by the worker's notifier. The key
 * (audit entry key + recipient + channel) keeps a retried activity from
 * enqueuing twice; texts are composed at enqueue time in the recipient's language.
 */
@Entity({ name: 'notifications' })
@Index('uq_notifications_key', ['notificationKey'], { unique: true })
@Index('idx_notifications_due', ['status', 'nextAttemptAt'])
@Index('idx_notifications_recipient', ['recipientId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'notification_key', type: 'text' })
  notificationKey: string;

  /** The audit action that caused it (`task.opened`, `task.overdue`, …). */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'recipient_id', type: 'text' })
  recipientId: string;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  /** The e-mail address for the `email` channel, as known when the notification was written. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  subject: string;

  /** Plain text. */
  @Column({ type: 'text' })
  body: string;

  /** Optional HTML alternative of `body` for e-mail. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** Identifiers and link the webhook receives with the texts. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: NotificationPayload;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the notifier may try (again); also pushed ahead while an attempt is in flight. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

/** What a notification carries beside its texts (empty on rows written before it existed). */
export interface NotificationPayload {
  workflowId?: string;
  participationId?: string;
  taskId?: string | null;
  link?: string;
  recipient?: { id: string; displayName: string; email: string };
}
