import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A candidate group (a shared inbox such as `wto-experts`): tasks offered to it
 * are claimed by its active members. Its code is what tasks, launch bodies and
 * people's `groups` name; it never changes. Written by the API's admin endpoints.
 */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryColumn('text')
  code: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
