import { Column, Entity } from 'typeorm';
import { ReferenceEntryColumns } from './reference-entry.columns';

/**
 * A delegation or office abroad (`type` general-delegation, delegation,
 * office, trade-office), in a city of a country of the reference list, and
 * its `status`: planned, open or closed.
 */
@Entity({ name: 'offices' })
export class OfficeEntity extends ReferenceEntryColumns {
  @Column({ type: 'text' })
  city: string;

  @Column({ name: 'country_code', type: 'text' })
  countryCode: string;

  @Column({ type: 'text' })
  status: string;
}
