import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AbsenceEntity, PersonEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { journalChange, personTarget } from './directory-journal';
import type { RecordAbsenceDto } from './dto/absence.dto';
import { notFound } from './people.service';

export interface AbsenceView {
  from: string;
  to: string;
  delegateId: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Whether it lasts now: tasks opened for the person go to the delegate. */
  current: boolean;
}

/** `{personId, absence}`: the person's recorded absence, or null. */
export interface PersonAbsence {
  personId: string;
  absence: AbsenceView | null;
}

/**
 * A person's absence and delegate (one at a time): recorded by the person or
 * an admin, read by the worker when it opens a task (projection.activities.ts),
 * each change journaled in the directory's journal.
 */
@Injectable()
export class AbsenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(personId: string): Promise<PersonAbsence> {
    await this.mustExist(personId);
    const row = await this.dataSource.getRepository(AbsenceEntity).findOneBy({ personId });
    return { personId, absence: row ? view(row) : null };
  }

  /** Records (or replaces) the absence; the body's people were checked by the pipe. */
  async record(actorId: string, personId: string, dto: RecordAbsenceDto, requestId?: string): Promise<PersonAbsence> {
    if (dto.delegateId === personId) {
      throw new DomainError('validation-failed', 'error.validation', {}, [
        { field: 'delegateId', constraint: 'notSamePerson', params: { other: personId } },
      ]);
    }
    await this.mustExist(personId);
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOne(AbsenceEntity, { where: { personId }, lock: { mode: 'pessimistic_write' } });
      const absence = {
        personId,
        startsAt: new Date(dto.from),
        endsAt: new Date(dto.to),
        delegateId: dto.delegateId,
        note: dto.note ?? null,
        recordedBy: actorId,
        recordedAt: new Date(),
      };
      await em.upsert(AbsenceEntity, absence, ['personId']);
      await journalChange(em, {
        actorId,
        action: 'absence.recorded',
        target: personTarget(personId),
        oldValue: before ? plain(view(before)) : null,
        newValue: plain(view(absence)),
        requestId,
      });
      return { personId, absence: view(absence) };
    });
  }

  /** Ends the absence now (removes it); nothing to end is not an error. */
  async end(actorId: string, personId: string, requestId?: string): Promise<PersonAbsence> {
    await this.mustExist(personId);
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOne(AbsenceEntity, { where: { personId }, lock: { mode: 'pessimistic_write' } });
      if (before) {
        await em.delete(AbsenceEntity, { personId });
        await journalChange(em, {
          actorId,
          action: 'absence.ended',
          target: personTarget(personId),
          oldValue: plain(view(before)),
          requestId,
        });
      }
      return { personId, absence: null };
    });
  }

  private async mustExist(personId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(PersonEntity).existsBy({ id: personId }))) throw notFound(personId);
  }
}

function view(row: Omit<AbsenceEntity, 'personId'>): AbsenceView {
  const now = Date.now();
  return {
    from: row.startsAt.toISOString(),
    to: row.endsAt.toISOString(),
    delegateId: row.delegateId,
    note: row.note,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    current: row.startsAt.getTime() <= now && now < row.endsAt.getTime(),
  };
}

/** What the journal keeps of an absence: the period and the delegate. */
function plain({ from, to, delegateId, note }: AbsenceView) {
  return { from, to, delegateId, note };
}
