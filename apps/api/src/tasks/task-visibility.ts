import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { TaskEntity } from '@lib/persistence';
import { hasRole, type Caller } from '../auth/caller';

/**
 * Restricts a task query to what the caller may see: supervisors and admins
 * everything; a coordinator the tasks of the participations they coordinate;
 * anyone their own tasks and their groups' unclaimed ones. A task outside
 * this is answered 404, never 403, so its existence does not leak. Anyone sees
 * the tasks assigned to them.
 */
export function visibleTo(qb: SelectQueryBuilder<TaskEntity>, caller: Caller): SelectQueryBuilder<TaskEntity> {
  if (hasRole(caller, 'supervisor')) return qb;
  return qb.andWhere(
    new Brackets((where) => {
      where.where('1 = 0');
      if (caller.roles.includes('coordinator')) {
        where.orWhere('task.participation_id IN (SELECT p.id FROM participations p WHERE p.coordinator_id = :callerId)', {
          callerId: caller.id,
        });
      }
      // Whoever a task is assigned to sees it, whatever their role (a coordinator may hold one too).
      where.orWhere('task.assignee_id = :callerId', { callerId: caller.id });
      {
        if (caller.groups.length > 0) {
          where.orWhere("(task.assignee_id IS NULL AND task.status = 'open' AND task.candidate_group IN (:...groups))", {
            groups: caller.groups,
          });
        }
      }
    }),
  );
}
