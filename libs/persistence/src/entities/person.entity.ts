import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An expert, coordinator, supervisor or administrator. The id is the identifier
 * used everywhere else (task assignee, token subject, search attributes);
 * names and e-mail addresses stay here and never reach Temporal.
 */
@Entity({ name: 'people' })
@Index('idx_people_groups', ['groups'])
export class PersonEntity {
  @PrimaryColumn('text')
  id: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  email: string;

  /** Language of notifications and pages: `fr` or `en`. */
  @Column({ type: 'text', default: 'fr' })
  language: string;

  @Column({ type: 'text', default: '' })
  organization: string;

  /** `coordinator`, `expert`, `supervisor`, `admin`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: string[];

  /** Candidate groups whose unclaimed tasks this person sees (shared inboxes). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  groups: string[];

  @Column({ name: 'expertise_areas', type: 'text', array: true, default: () => "'{}'" })
  expertiseAreas: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
