import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { OPEN_CALL_DETAIL, PARTNER_ORGANIZATION_DETAIL } from '@lib/contracts';
import type { ParticipationEntity, TaskEntity } from '@lib/persistence';
import { isPartnerOnly, type Caller } from '../../auth/caller';

/*
 * What a partner (a person of an outside organization) reads: the open calls
 * for proposals, the participations that name their organization, and there the tasks of their
 * organization's partners. A partner without an organization reads nothing.
 * Anyone else is not limited here.
 */

/** The partner's organization, or undefined for a caller this scope does not limit. */
const scopeOf = (caller: Caller): string | undefined => (isPartnerOnly(caller) ? (caller.organization ?? '') : undefined);

/** Whether the caller may read this participation (a partner: only their organization's). */
export function partnerMayRead(row: ParticipationEntity, caller: Caller): boolean {
  const organization = scopeOf(caller);
  if (organization === undefined || row.details?.[OPEN_CALL_DETAIL] === true) return true;
  return organization !== '' && row.details?.[PARTNER_ORGANIZATION_DETAIL] === organization;
}

/** Restricts a participation list to what the caller may read. */
export function participationsReadableBy(
  qb: SelectQueryBuilder<ParticipationEntity>,
  caller: Caller,
): SelectQueryBuilder<ParticipationEntity> {
  const organization = scopeOf(caller);
  if (organization === undefined) return qb;
  return qb.andWhere(
    new Brackets((where) =>
      where
        .where(`p.details ->> '${OPEN_CALL_DETAIL}' = 'true'`)
        .orWhere(`(p.details ->> '${PARTNER_ORGANIZATION_DETAIL}' = :partnerOrganization AND :partnerOrganization <> '')`, {
          partnerOrganization: organization,
        }),
    ),
  );
}

/** Restricts a participation's tasks to those of the caller's organization (a partner's own, or a colleague partner's). */
export function tasksReadableBy(qb: SelectQueryBuilder<TaskEntity>, caller: Caller): SelectQueryBuilder<TaskEntity> {
  const organization = scopeOf(caller);
  if (organization === undefined) return qb;
  return qb.andWhere(
    new Brackets((where) =>
      where
        .where('task.assignee_id = :callerId', { callerId: caller.id })
        .orWhere(
          "task.assignee_id IN (SELECT person.id FROM people person WHERE person.organization = :partnerOrganization AND person.organization <> '' AND 'partner' = ANY(person.roles))",
          { partnerOrganization: organization },
        ),
    ),
  );
}
