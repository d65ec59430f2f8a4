import type { EntityTarget } from 'typeorm';
import type { ReferenceList } from '@lib/validation';
import { CountryEntity, ForumEntity, OfficeEntity } from '@lib/persistence';
import type { MessageKey } from '@lib/contracts';

/** Where each reference list lives, which of its columns a list query filters on, and how a 404 names it. */
export interface ReferenceTable {
  entity: EntityTarget<object>;
  table: ReferenceList;
  /** Filters of ListReferenceQuery this list has, besides search, type and retired. */
  filters: readonly ('countryCode' | 'status')[];
  /** Columns of its own, shown after the shared ones. */
  extra: readonly string[];
  entityName: MessageKey;
}

export const REFERENCE_TABLES: Record<ReferenceList, ReferenceTable> = {
  forums: { entity: ForumEntity, table: 'forums', filters: [], extra: [], entityName: 'entity.forum' },
  countries: { entity: CountryEntity, table: 'countries', filters: ['countryCode'], extra: ['countryCode'], entityName: 'entity.country' },
  offices: {
    entity: OfficeEntity,
    table: 'offices',
    filters: ['countryCode', 'status'],
    extra: ['city', 'countryCode', 'status'],
    entityName: 'entity.office',
  },
};
