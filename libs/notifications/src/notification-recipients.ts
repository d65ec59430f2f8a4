import { In, type EntityManager } from 'typeorm';
import { PersonEntity, type JournalContext } from '@lib/persistence';
import type { Delivery, NotifyMessage } from './notification-rules';

/** An entry's context (read once in the projection's transaction), its participation known to have a row. */
export type NotificationContext = JournalContext & { participation: NonNullable<JournalContext['participation']> };

export interface Addressee {
  personId: string;
  message: NotifyMessage;
}

/**
 * Who receives each delivery of a rule, deduplicated: a coordinator who is
 * also the assignee hears once, through the first delivery that names them.
 */
export async function resolveAddressees(
  em: EntityManager,
  deliveries: readonly Delivery[],
  context: NotificationContext,
): Promise<Addressee[]> {
  const seen = new Set<string>();
  const addressees: Addressee[] = [];
  for (const delivery of deliveries) {
    const { ids, group } = await audience(em, delivery, context);
    const delegated = !group && delivery.to === 'assignee' && Boolean(context.task?.delegatedFrom);
    let message = delivery.message;
    if (group && delivery.groupMessage) message = delivery.groupMessage;
    else if (delegated && delivery.delegatedMessage) message = delivery.delegatedMessage;
    for (const personId of ids) {
      if (seen.has(personId)) continue;
      seen.add(personId);
      addressees.push({ personId, message });
    }
  }
  return addressees;
}

async function audience(
  em: EntityManager,
  delivery: Delivery,
  { entry, participation, task }: NotificationContext,
): Promise<{ ids: string[]; group: boolean }> {
  switch (delivery.to) {
    case 'coordinator':
      return { ids: [participation.coordinatorId], group: false };
    case 'target':
      return { ids: [entry.target], group: false };
    case 'assignee': {
      // After a reassignment the entry's new value names the new assignee even if the row says otherwise.
      const assigneeId = (entry.newValue?.assigneeId as string | undefined) ?? task?.assigneeId;
      if (assigneeId) return { ids: [assigneeId], group: false };
      if (!task?.candidateGroup) return { ids: [], group: false };
      return { ids: await activeMembers(em, task.candidateGroup), group: true };
    }
  }
}

async function activeMembers(em: EntityManager, group: string): Promise<string[]> {
  const members = await em
    .createQueryBuilder(PersonEntity, 'p')
    .select('p.id', 'id')
    .where(':group = ANY(p.groups)', { group })
    .andWhere('p.active')
    .orderBy('p.id')
    .getRawMany<{ id: string }>();
  return members.map((m) => m.id);
}

/** The people rows of `ids`, by id; ids without a row are simply absent. */
export async function loadPeople(em: EntityManager, ids: string[]): Promise<Map<string, PersonEntity>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const people = await em.findBy(PersonEntity, { id: In(wanted) });
  return new Map(people.map((p) => [p.id, p]));
}
