import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
type JsonValue = Record<string, any>;

/**
 * Append-only journal of the directory: people and groups added, changed,
 * deactivated, absences recorded and ended; who did it, when, and the values
 * before and after. Participations have their own journal (`audit_entries`).
 */
@Entity({ name: 'directory_changes' })
@Index('idx_directory_changes_target_time', ['target', 'occurredAt'])
@Index('idx_directory_changes_time', ['occurredAt'])
export class DirectoryChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  /** `person.added`, `person.changed`, `person.deactivated`, `group.added`, `absence.recorded`, … */
  @Column({ type: 'text' })
  action: string;

  /** `person:<id>` or `group:<code>`. */
  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue: JsonValue | null;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue: JsonValue | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
