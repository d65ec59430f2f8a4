import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person's recorded absence, one per person: while it lasts
 * (`startsAt` ≤ now < `endsAt`) the tasks opened for them go to their delegate.
 * Written by the API (the person, or an admin); read by the worker when it opens a task.
 */
@Entity({ name: 'absences' })
@Index('idx_absences_delegate', ['delegateId'])
export class AbsenceEntity {
  @PrimaryColumn({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'delegate_id', type: 'text' })
  delegateId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who recorded it: the person, or an admin. */
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
