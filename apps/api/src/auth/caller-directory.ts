import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EVERYONE_CHANGED, PEOPLE_CHANGES_CHANNEL, PersonEntity } from '@lib/persistence';
import { ExpiringMemo } from '../common/expiring-memo';
import { DatabaseNotifications } from '../database-notifications/database-notifications.service';

/** What authentication reads of a person. */
export type CallerPerson = Pick<PersonEntity, 'id' | 'active' | 'roles' | 'groups' | 'organization'>;

/** A backstop: even while every change is heard, a person is read again after this long. */
const MAX_AGE_MS = 60_000;
/** People kept at most; the longest kept goes first. */
const MAX_KEPT = 10_000;

/**
 * The directory rows of the people who call the API, kept in memory so that a
 * request does not read its caller's row each time (one query of the inbox's
 * two). A change to a person, made anywhere, is announced by a trigger
 * (`people_changes`) and forgets them here at once: a deactivated person is
 * refused at their next request, as before. Nothing is kept while that
 * announcement cannot be heard (connecting, or connection lost), and a row read
 * while a change was announced is not kept, since it may predate the change.
 */
@Injectable()
export class CallerDirectory implements OnModuleDestroy {
  private readonly kept = new ExpiringMemo<CallerPerson | null>(MAX_KEPT);
  private listening = false;
  /** Counts the changes heard (and losses): a read that saw it move may be stale. */
  private changes = 0;

  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    notifications: DatabaseNotifications,
  ) {
    notifications.subscribe(PEOPLE_CHANGES_CHANNEL, {
      message: (id) => this.forget(id),
      listening: () => {
        this.forget(EVERYONE_CHANGED);
        this.listening = true;
      },
      lost: () => {
        this.listening = false;
        this.forget(EVERYONE_CHANGED);
      },
    });
  }

  onModuleDestroy(): void {
    this.listening = false;
  }

  /** The person with this id, or null when the directory has none. */
  async person(id: string): Promise<CallerPerson | null> {
    const hit = this.listening ? this.kept.get(id) : undefined;
    if (hit) return hit.value;
    const changesBefore = this.changes;
    const person = await this.people.findOne({
      where: { id },
      select: { id: true, active: true, roles: true, groups: true, organization: true },
    });
    if (this.listening && this.changes === changesBefore) this.kept.set(id, person, Date.now() + MAX_AGE_MS);
    return person;
  }

  private forget(id: string): void {
    this.changes += 1;
    if (id === EVERYONE_CHANGED) this.kept.clear();
    else this.kept.delete(id);
  }
}
