import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { PersonEntity } from '@lib/persistence';
import { hasRole, type Caller } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { refuseNulls } from '../common/refuse-nulls';
import type { Page } from '../common/page.query';
import { pageOf } from '../common/page-of';
import { journalChange, personTarget } from './directory-journal';
import type { AddPersonDto, ChangePersonDto } from './dto/person.dto';
import type { ListPeopleQuery } from './dto/list-people.query';
import { changedFields, personView, type PersonView } from './person.view';

/** `%` and `_` are ILIKE wildcards: a search for them finds them as they are. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The people of the directory: anyone signed in finds them (for the pickers),
 * admins add, change, deactivate and reactivate them. Every change is written
 * with its entry in the directory's journal, in one transaction.
 */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(caller: Caller, query: ListPeopleQuery): Promise<Page<PersonView>> {
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p');
    if (query.status !== 'all') qb.andWhere('p.active = :active', { active: query.status === 'active' });
    const search = query.search?.trim();
    if (search) {
      const pattern = likePattern(search);
      qb.andWhere(new Brackets((w) => w.where('p.id ILIKE :pattern', { pattern }).orWhere('p.display_name ILIKE :pattern', { pattern })));
    }
    if (query.role?.length) qb.andWhere('p.roles && :roles::text[]', { roles: query.role });
    if (query.group) qb.andWhere(':group = ANY(p.groups)', { group: query.group });
    if (query.expertise) qb.andWhere(':expertise = ANY(p.expertise_areas)', { expertise: query.expertise });
    qb.orderBy('p.display_name', 'ASC').addOrderBy('p.id', 'ASC');
    const page = await pageOf(qb, query.page, query.pageSize);
    const forAdmin = hasRole(caller, 'admin');
    return { ...page, items: page.items.map((row) => personView(row, { forAdmin })) };
  }

  async get(caller: Caller, id: string): Promise<PersonView> {
    const row = await this.dataSource.getRepository(PersonEntity).findOneBy({ id });
    if (!row) throw notFound(id);
    return personView(row, { forAdmin: hasRole(caller, 'admin') });
  }

  async add(actor: Caller, dto: AddPersonDto, requestId?: string): Promise<PersonView> {
    refuseNulls(dto);
    return this.dataSource.transaction(async (em) => {
      const person = { organization: '', roles: [], groups: [], expertiseAreas: [], languages: [], ...dto, active: true };
      const inserted = await em.createQueryBuilder().insert().into(PersonEntity).values(person).orIgnore().returning(['id']).execute();
      if ((inserted.raw as unknown[]).length === 0) throw new DomainError('duplicate', 'error.personExists', { id: dto.id });
      await journalChange(em, { actorId: actor.id, action: 'person.added', target: personTarget(dto.id), newValue: person, requestId });
      return personView(await em.findOneByOrFail(PersonEntity, { id: dto.id }), { forAdmin: true });
    });
  }

  async change(actor: Caller, id: string, dto: ChangePersonDto, requestId?: string): Promise<PersonView> {
    refuseNulls(dto);
    return this.dataSource.transaction(async (em) => {
      const before = await lockPerson(em, id);
      if (actor.id === id && before.roles.includes('admin') && dto.roles && !dto.roles.includes('admin')) {
        throw new DomainError('not-allowed', 'error.ownAdministration');
      }
      const { oldValue, newValue } = changedFields(before, { ...dto });
      if (Object.keys(newValue).length > 0) {
        await em.update(PersonEntity, { id }, newValue);
        await journalChange(em, { actorId: actor.id, action: 'person.changed', target: personTarget(id), oldValue, newValue, requestId });
      }
      return personView(await em.findOneByOrFail(PersonEntity, { id }), { forAdmin: true });
    });
  }

  /** Deactivates or reactivates; a deactivated person signs in no more and may be named nowhere. Idempotent. */
  async setActive(actor: Caller, id: string, active: boolean, requestId?: string): Promise<PersonView> {
    return this.dataSource.transaction(async (em) => {
      const before = await lockPerson(em, id);
      if (!active && actor.id === id) throw new DomainError('not-allowed', 'error.ownAdministration');
      if (before.active !== active) {
        await em.update(PersonEntity, { id }, { active });
        await journalChange(em, {
          actorId: actor.id,
          action: active ? 'person.reactivated' : 'person.deactivated',
          target: personTarget(id),
          oldValue: { active: before.active },
          newValue: { active },
          requestId,
        });
      }
      return personView(await em.findOneByOrFail(PersonEntity, { id }), { forAdmin: true });
    });
  }
}

async function lockPerson(em: EntityManager, id: string): Promise<PersonEntity> {
  const row = await em.findOne(PersonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound(id);
  return row;
}

export const notFound = (id: string) => new DomainError('not-found', 'error.notFound', { entity: 'entity.person', id });
