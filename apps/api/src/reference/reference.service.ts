import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReferenceCodeLookup, ReferenceList } from '@lib/validation';
import { DomainError } from '../common/domain-error';
import { journalChange } from '../people/directory-journal';
import type { Page } from '../common/page.query';
import { pageOf } from '../common/page-of';
import type { ListReferenceQuery } from './dto/list-reference.query';
import { REFERENCE_TABLES } from './reference-lists';
import { refuseNulls } from '../common/refuse-nulls';

/** One entry of a reference list as the API shows it: its code, both names, type, and the columns of its list. */
export interface ReferenceEntryView {
  code: string;
  nameFr: string;
  nameEn: string;
  type: string;
  retired: boolean;
  retiredAt: string | null;
  [extra: string]: unknown;
}

/** Who changes a list, and the request that did it, for the journal. */
export interface Actor {
  actorId: string;
  requestId?: string;
}

type Row = Record<string, unknown> & { code: string; nameFr: string; nameEn: string; type: string; retiredAt: Date | null };

/**
 * The reference lists (forums and organizations, countries and federated
 * states, offices): read by anyone signed in, kept by admins. An entry is
 * retired, never deleted: its code stays readable where it was used, and
 * new launches may no longer name it (@ReferenceCode checks through here).
 */
@Injectable()
export class ReferenceService implements ReferenceCodeLookup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async allActive(list: ReferenceList, codes: readonly string[]): Promise<boolean> {
    const distinct = [...new Set(codes)];
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${REFERENCE_TABLES[list].table}" WHERE code = ANY($1::text[]) AND retired_at IS NULL`,
      [distinct],
    );
    return n === distinct.length;
  }

  async list(list: ReferenceList, query: ListReferenceQuery): Promise<Page<ReferenceEntryView>> {
    const { entity, filters } = REFERENCE_TABLES[list];
    const qb = this.dataSource.getRepository(entity).createQueryBuilder('e');
    if (query.search) {
      qb.andWhere(`(e.code ILIKE :like OR e.name_fr ILIKE :like OR e.name_en ILIKE :like)`, { like: `%${escapeLike(query.search)}%` });
    }
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    if (query.countryCode && filters.includes('countryCode')) qb.andWhere('e.country_code = :country', { country: query.countryCode });
    if (query.status && filters.includes('status')) qb.andWhere('e.status = :status', { status: query.status });
    if (query.retired !== 'all') qb.andWhere(query.retired === 'true' ? 'e.retired_at IS NOT NULL' : 'e.retired_at IS NULL');
    const page = await pageOf(qb.orderBy('e.code'), query.page, query.pageSize);
    return { ...page, items: (page.items as Row[]).map((row) => this.view(list, row)) };
  }

  async one(list: ReferenceList, code: string, em: EntityManager = this.dataSource.manager): Promise<ReferenceEntryView> {
    return this.view(list, await this.find(em, list, code));
  }

  // Each change is journaled with the directory's (GET /directory/changes), target `<list>:<code>`.

  async add(actor: Actor, list: ReferenceList, entry: Record<string, unknown> & { code: string }): Promise<ReferenceEntryView> {
    return this.dataSource.transaction(async (em) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(REFERENCE_TABLES[list].entity)
        .values(entry)
        .orIgnore()
        .returning(['code'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) throw new DomainError('duplicate', 'error.referenceExists', { code: entry.code });
      await journalChange(em, { ...actor, action: 'reference.added', target: `${list}:${entry.code}`, newValue: entry });
      return this.one(list, entry.code, em);
    });
  }

  async change(actor: Actor, list: ReferenceList, code: string, change: Record<string, unknown>): Promise<ReferenceEntryView> {
    refuseNulls(change, ['countryCode']); // a country's own country: none for a sovereign state
    return this.dataSource.transaction(async (em) => {
      const before = await this.find(em, list, code, true);
      const fields = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      if (Object.keys(fields).length > 0) {
        await em.update(REFERENCE_TABLES[list].entity, { code }, { ...fields, updatedAt: new Date() });
        const oldValue = Object.fromEntries(Object.keys(fields).map((key) => [key, before[key] ?? null]));
        await journalChange(em, { ...actor, action: 'reference.changed', target: `${list}:${code}`, oldValue, newValue: fields });
      }
      return this.one(list, code, em);
    });
  }

  /** Retires an entry (idempotent: a second retirement keeps the first date, and is journaled once). */
  async retire(actor: Actor, list: ReferenceList, code: string): Promise<ReferenceEntryView> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.find(em, list, code, true);
      if (!row.retiredAt) {
        await em.update(REFERENCE_TABLES[list].entity, { code }, { retiredAt: new Date(), updatedAt: new Date() });
        await journalChange(em, { ...actor, action: 'reference.retired', target: `${list}:${code}` });
      }
      return this.one(list, code, em);
    });
  }

  private async find(em: EntityManager, list: ReferenceList, code: string, lock = false): Promise<Row> {
    const { entity, entityName } = REFERENCE_TABLES[list];
    const row = (await em.findOne(entity, {
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    })) as Row | null;
    if (!row) throw new DomainError('not-found', 'error.notFound', { entity: entityName, id: code });
    return row;
  }

  private view(list: ReferenceList, row: Row): ReferenceEntryView {
    const extra = Object.fromEntries(REFERENCE_TABLES[list].extra.map((column) => [column, row[column] ?? null]));
    return {
      code: row.code,
      nameFr: row.nameFr,
      nameEn: row.nameEn,
      type: row.type,
      ...extra,
      retired: row.retiredAt !== null,
      retiredAt: row.retiredAt ? row.retiredAt.toISOString() : null,
    };
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
