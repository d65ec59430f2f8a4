import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every reference list shares: a stable code (what launch bodies, search
 * attributes and reports name; it never changes), names in French and English,
 * and a retirement date instead of deletion, so that what named a code once
 * still reads. Written by the API's admin endpoints and seeded by migration.
 */
export abstract class ReferenceEntryColumns {
  @PrimaryColumn('text')
  code: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  type: string;

  /** When it stopped being offered to new launches; null while in use. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
