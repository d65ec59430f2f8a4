import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from './page.query';

/**
 * One page of `qb` and the total its filters match. A page that is not full
 * tells the total itself (the rows before it and its own), so most pages cost
 * one query; a full page is counted apart, with a plain `COUNT(*)` that an
 * index answers alone. (TypeORM's getManyAndCount always counts, and counts
 * DISTINCT ids; `COUNT(*) OVER ()` beside the page would read every matching
 * row, where the page's ORDER BY and LIMIT can stop at the index's first rows.)
 * For builders without joins: a join would count joined rows.
 */
export async function pageOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: number, pageSize: number): Promise<Page<T>> {
  if (qb.expressionMap.joinAttributes.length > 0) throw new Error('pageOf counts rows of one table: this query joins');
  const before = (page - 1) * pageSize;
  const items = await qb.clone().offset(before).limit(pageSize).getMany();
  // Only a full page, or an empty one past the first, leaves the total unknown.
  const known = items.length < pageSize && (items.length > 0 || page === 1);
  const total = known ? before + items.length : await countOf(qb);
  return { items, total, page, pageSize };
}

async function countOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const row = await qb.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string }>();
  return Number(row?.total ?? 0);
}
