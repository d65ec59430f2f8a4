import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person's calendar feed: one secret address per person, kept as its hash
 * (the address itself is shown once, to its owner). Asking for a new one
 * replaces it; revoking deletes the row, and the old address answers 404.
 */
@Entity({ name: 'calendar_feeds' })
@Index('idx_calendar_feeds_secret', ['secretHash'], { unique: true })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'person_id', type: 'text' })
  personId: string;

  /** SHA-256 of the secret, hex. */
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
