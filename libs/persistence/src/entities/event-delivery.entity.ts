import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EVENT_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type EventDeliveryStatus = (typeof EVENT_DELIVERY_STATUSES)[number];

/** The broker's deliveries have this target; a webhook's is `webhook:<subscription id>`. */
export const BROKER_TARGET = 'broker';

/**
 * One published event to one target, written with the event (same
 * transaction). Delivered in `seq` order per target and participation: a row
 * is due only when no earlier row of its target and participation is still
 * pending. After the last attempt it is `dead`: the dead-letter list, from
 * which an admin replays it.
 */
@Entity({ name: 'event_deliveries' })
@Index('uq_event_deliveries_seq_target', ['seq', 'target'], { unique: true })
@Index('idx_event_deliveries_due', ['status', 'nextAttemptAt'])
@Index('idx_event_deliveries_order', ['target', 'participationId', 'seq'])
export class EventDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The event_outbox row. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId: string | null;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ type: 'text', default: 'pending' })
  status: EventDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
