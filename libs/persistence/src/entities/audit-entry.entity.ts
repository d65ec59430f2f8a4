import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
type JsonValue = Record<string, any>;

/**
 * Append-only journal of what happened to a participation and its tasks, and
 * who did it. `entryKey` (workflow id + step key) makes every write idempotent.
 */
@Entity({ name: 'audit_entries' })
@Index('uq_audit_entries_entry_key', ['entryKey'], { unique: true })
@Index('idx_audit_participation_time', ['participationId', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'entry_key', type: 'text' })
  entryKey: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue: JsonValue | null;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue: JsonValue | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

/** The idempotency key of an audit entry, and of every write made with it. */
export function auditEntryKey(workflowId: string, stepKey: string): string {
  return `${workflowId}#${stepKey}`;
}
