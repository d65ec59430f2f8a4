import { Column, Entity } from 'typeorm';
import { ReferenceEntryColumns } from './reference-entry.columns';

/**
 * A country (`type` country, ISO 3166-1 alpha-2 code in lower case) or a
 * federated state or region (`type` federated-state or region, ISO 3166-2
 * code in lower case, `us-ny`), which names the country it belongs to.
 */
@Entity({ name: 'countries' })
export class CountryEntity extends ReferenceEntryColumns {
  @Column({ name: 'country_code', type: 'text', nullable: true })
  countryCode: string | null;
}
