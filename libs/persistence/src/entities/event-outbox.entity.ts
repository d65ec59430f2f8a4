import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The published events outbox: one CloudEvent per journal entry that the
 * catalogue publishes, written by the projection activity in the same
 * transaction as the projection it describes. `seq` orders them; the unique
 * entry key keeps a retried activity from writing one twice. Deliveries (one
 * per webhook subscription, and the broker) are rows of `event_deliveries`.
 */
@Entity({ name: 'event_outbox' })
@Index('uq_event_outbox_entry_key', ['entryKey'], { unique: true })
@Index('uq_event_outbox_event_id', ['eventId'], { unique: true })
@Index('idx_event_outbox_participation', ['participationId', 'seq'])
export class EventOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  /** The CloudEvent id (a UUID derived from the entry key: the same entry always has the same id). */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'entry_key', type: 'text' })
  entryKey: string;

  /** The CloudEvent type, with its prefix. */
  @Column({ type: 'text' })
  type: string;

  /** The CloudEvent subject: the participation's workflow id. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  forum: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** The data every subscriber receives: identifiers, codes, texts in French and English. */
  @Column({ type: 'jsonb' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
  data: Record<string, any>;

  /** Free text the payload codec protects (notes, deliverables): only for subscribers allowed to read it. */
  @Column({ name: 'protected_data', type: 'jsonb', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
  protectedData: Record<string, any> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
