import type { EntityManager } from 'typeorm';
import { AuditEntryEntity, auditEntryKey, ParticipationEntity, readJournalContext, type JournalContext } from '@lib/persistence';
import type { NotificationOutbox } from '@lib/notifications';
import type { PublishedEventOutbox } from '../published-events/published-event-outbox';
import {
  insertEntryOnce,
  insertOpenTask,
  insertParticipation,
  lockTask,
  setPhase,
  updateTask,
  type TaskChangeable,
} from './projection-sql';
import type {
  JournalEntry,
  OpenTask,
  ParticipationClosing,
  PhaseChange,
  ProjectionWrite,
  RegisterParticipation,
  TaskChange,
  TaskPlacement,
} from '@lib/contracts';

/**
 * Each projection write, inside a transaction its caller holds (one per batch,
 * or one per write for runs started before batching and for reproject). Every
 * write is idempotent: the audit entry's unique key (workflow id + step key) is
 * inserted first, and a retry that finds it already there changes nothing. The
 * notifications a new entry causes, and the CloudEvent it publishes, are
 * enqueued in the same transaction.
 */
export class ProjectionWrites {
  constructor(
    private readonly notifications: NotificationOutbox,
    private readonly events: PublishedEventOutbox,
  ) {}

  /** One write; `recorded` is openTask's placement as a rebuild found it. */
  apply(em: EntityManager, write: ProjectionWrite, recorded?: TaskPlacement): Promise<TaskPlacement | void> {
    switch (write.name) {
      case 'registerParticipation':
        return this.registerIn(em, write.input);
      case 'recordPhaseChange':
        return this.phaseChangeIn(em, write.input);
      // Where the task landed then (a delegate while its assignee was away), when a rebuild says so.
      case 'openTask':
        return this.openTaskIn(em, write.input, recorded);
      case 'changeTask':
        return this.changeTaskIn(em, write.input);
      case 'appendJournal':
        return this.journalIn(em, write.input);
      case 'closeParticipation':
        return this.closeIn(em, write.input);
      default: {
        // A projection write added to the contracts must be written here too: the compiler says so.
        const unknownWrite: never = write;
        throw new Error(`no projection write named ${String((unknownWrite as ProjectionWrite).name)}`);
      }
    }
  }

  private async registerIn(em: EntityManager, input: RegisterParticipation): Promise<void> {
    const fresh = await insertEntryOnce(em, {
      workflowId: input.workflowId,
      participationId: input.participationId,
      stepKey: 'launch',
      actorId: input.coordinatorId,
      action: 'participation.launched',
      target: input.workflowId,
      newValue: { kind: input.kind, businessKey: input.businessKey, forum: input.forum },
      at: input.launchedAt,
    });
    if (!fresh) return;
    await insertParticipation(em, input);
    await this.events.enqueueFor(em, input.workflowId, 'launch');
  }

  private async phaseChangeIn(em: EntityManager, change: PhaseChange): Promise<void> {
    const fresh = await insertEntryOnce(em, {
      ...change,
      actorId: 'workflow',
      action: 'participation.phase',
      target: change.workflowId,
      oldValue: { phase: change.fromPhase },
      newValue: { phase: change.toPhase },
    });
    if (!fresh) return;
    await setPhase(em, change.participationId, change.toPhase, new Date(change.at));
    await this.events.enqueueFor(em, change.workflowId, change.stepKey);
  }

  /**
   * Writes the task, to its assignee or, while the assignee is absent (the
   * `absences` table at the task's opening time), to their delegate: the row
   * notes whom it was delegated from, the journal says so (`task.delegated`)
   * and the delegate's notification too. Returns where it landed, which the
   * workflow adopts; a retry returns what the first attempt wrote. `recorded`
   * is where a rebuild of the projection (npm run reproject) found it had landed.
   */
  private async openTaskIn(em: EntityManager, task: OpenTask, recorded?: TaskPlacement): Promise<TaskPlacement> {
    const placement =
      recorded ?? (task.assigneeId ? await placeTask(em, task.assigneeId, task.at) : { assigneeId: task.assigneeId, delegatedFrom: null });
    const fresh = await insertEntryOnce(em, {
      workflowId: task.workflowId,
      participationId: task.participationId,
      stepKey: task.stepKey,
      actorId: 'workflow',
      action: 'task.opened',
      target: task.taskId,
      newValue: {
        title: task.title,
        assigneeId: placement.assigneeId,
        candidateGroup: task.candidateGroup,
        dueAt: task.dueAt,
        priority: task.priority,
        ...(placement.delegatedFrom ? { delegatedFrom: placement.delegatedFrom } : {}),
      },
      at: task.at,
    });
    if (!fresh) return this.earlierPlacement(em, task);
    const opened = await insertOpenTask(em, {
      id: task.taskId,
      participationId: task.participationId,
      workflowId: task.workflowId,
      stepKey: task.stepKey,
      kind: task.kind,
      title: task.title,
      instructions: task.instructions,
      assigneeId: placement.assigneeId,
      candidateGroup: task.candidateGroup,
      delegatedFrom: placement.delegatedFrom,
      dueAt: new Date(task.dueAt),
      requiredFields: task.requiredFields ?? {},
      priority: task.priority,
      createdAt: new Date(task.at),
    });
    if (placement.delegatedFrom) {
      await insertEntryOnce(em, {
        workflowId: task.workflowId,
        participationId: task.participationId,
        stepKey: `${task.stepKey}/delegated`,
        actorId: 'workflow',
        action: 'task.delegated',
        target: task.taskId,
        oldValue: { assigneeId: placement.delegatedFrom },
        newValue: { title: task.title, assigneeId: placement.assigneeId, delegatedFrom: placement.delegatedFrom },
        at: task.at,
      });
    }
    await this.enqueueBoth(em, { entry: fresh, ...opened });
    return placement;
  }

  /** What a previous attempt of openTask decided, from its journal entry. */
  private async earlierPlacement(em: EntityManager, task: OpenTask): Promise<TaskPlacement> {
    const entry = await em.findOneBy(AuditEntryEntity, { entryKey: auditEntryKey(task.workflowId, task.stepKey) });
    const recorded = entry?.newValue as { assigneeId?: string | null; delegatedFrom?: string } | null | undefined;
    return { assigneeId: recorded?.assigneeId ?? task.assigneeId, delegatedFrom: recorded?.delegatedFrom ?? null };
  }

  private async changeTaskIn(em: EntityManager, change: TaskChange): Promise<void> {
    const task = await lockTask(em, change.taskId);
    if (!task) throw new Error(`task ${change.taskId} has no row: openTask must run first`);
    const updates: Partial<TaskChangeable> = {};
    if (change.status !== undefined) updates.status = change.status;
    if (change.overdue !== undefined) updates.overdue = change.overdue;
    if (change.deliverable !== undefined) updates.deliverable = { ...change.deliverable };
    if (change.assigneeId !== undefined) updates.assigneeId = change.assigneeId;
    if (change.dueAt !== undefined) updates.dueAt = new Date(change.dueAt);
    if (change.priority !== undefined) updates.priority = change.priority;
    const fresh = await insertEntryOnce(em, {
      workflowId: change.workflowId,
      participationId: task.participationId,
      stepKey: change.stepKey,
      actorId: change.actorId,
      action: change.action,
      target: change.taskId,
      oldValue: pick(task, Object.keys(updates) as (keyof TaskChangeable)[]),
      newValue: updates,
      note: change.note,
      requestId: change.requestId,
      at: change.at,
    });
    if (!fresh) return;
    const at = new Date(change.at);
    const changed = await updateTask(
      em,
      change.taskId,
      { ...updates, updatedAt: at, ...(change.status === 'completed' ? { completedAt: at } : {}) },
      change.action,
    );
    await this.enqueueBoth(em, { entry: fresh, ...changed });
  }

  private async journalIn(em: EntityManager, entry: JournalEntry): Promise<void> {
    if (!(await insertEntryOnce(em, entry))) return;
    const context = await readJournalContext(em, entry.workflowId, entry.stepKey);
    if (context) await this.enqueueBoth(em, context);
  }

  private async closeIn(em: EntityManager, closing: ParticipationClosing): Promise<void> {
    const fresh = await insertEntryOnce(em, {
      ...closing,
      action: 'participation.closed',
      target: closing.workflowId,
      newValue: { status: closing.status, outcome: closing.outcome },
      note: closing.summary,
    });
    if (!fresh) return;
    const at = new Date(closing.at);
    await em.update(
      ParticipationEntity,
      { id: closing.participationId },
      {
        status: closing.status,
        outcome: closing.outcome,
        closingSummary: closing.summary ?? null,
        closedAt: at,
        updatedAt: at,
      },
    );
    await this.events.enqueueFor(em, closing.workflowId, closing.stepKey);
  }

  /**
   * The notifications and the published event of a new entry, from its context
   * read once for both: a task's change returns its row and its participation's
   * with the statement that writes it; other entries read theirs.
   */
  private async enqueueBoth(em: EntityManager, context: JournalContext): Promise<void> {
    await this.notifications.enqueueFrom(em, context);
    await this.events.enqueueFrom(em, context);
  }
}

/**
 * Who receives a task meant for `assigneeId` at `at`: the person, or, while
 * they are absent, their active delegate, followed on while each delegate is
 * absent in turn (never round in a circle, at most five steps).
 */
async function placeTask(em: EntityManager, assigneeId: string, at: string): Promise<TaskPlacement> {
  const [last] = await em.query<{ person_id: string }[]>(
    `WITH RECURSIVE chain (person_id, depth, path) AS (
       SELECT $1::text, 0, ARRAY[$1::text]
       UNION ALL
       SELECT a.delegate_id, c.depth + 1, c.path || a.delegate_id
         FROM chain c
         JOIN absences a ON a.person_id = c.person_id AND a.starts_at <= $2 AND a.ends_at > $2
         JOIN people d ON d.id = a.delegate_id AND d.active
        WHERE c.depth < 5 AND NOT a.delegate_id = ANY(c.path)
     )
     SELECT person_id FROM chain ORDER BY depth DESC LIMIT 1`,
    [assigneeId, new Date(at)],
  );
  const receiver = last?.person_id ?? assigneeId;
  return receiver === assigneeId ? { assigneeId, delegatedFrom: null } : { assigneeId: receiver, delegatedFrom: assigneeId };
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Partial<T>;
}
