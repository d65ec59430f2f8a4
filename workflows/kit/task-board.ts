import { condition, uuid4 } from '@temporalio/workflow';
import { readableDate, type TaskChange, type TaskPlacement, type TaskView } from './contracts';
import type { ParticipationContext } from './participation-context';
import { registerTaskCommands } from './task-commands';
import { isActive, toView, type TaskLedger, type TaskRecord, type TaskSpec } from './task-record';

const isoNow = () => new Date(Date.now()).toISOString();

/**
 * The human tasks of one participation: each opened through an idempotent
 * activity, acted on by Updates (task-commands.ts), reminded before its due
 * date and escalated (marked overdue) at it, all on durable workflow timers
 * that follow the due date when a coordinator moves it.
 */
export class TaskBoard implements TaskLedger {
  private readonly tasks = new Map<string, TaskRecord>();
  /** Counts each task's changes of hands, so each one has its own idempotency key. */
  private readonly assignments = new Map<string, number>();

  constructor(readonly participation: ParticipationContext) {
    registerTaskCommands(this);
  }

  all(): TaskView[] {
    return [...this.tasks.values()].map(toView);
  }

  open(): TaskView[] {
    return this.all().filter(isActive);
  }

  find(taskId: string): TaskRecord | undefined {
    return this.tasks.get(taskId);
  }

  /** Opens a task and resolves with it once it is completed (or expired, or cancelled with the participation). */
  async run(spec: TaskSpec): Promise<TaskView> {
    const p = this.participation;
    const taskId = uuid4();
    const dueAt = spec.dueAt ?? new Date(Date.now() + (spec.dueInMs ?? 0)).toISOString();
    const stepKey = p.nextStepKey(`task/${spec.step}`);
    const record: TaskRecord = {
      taskId,
      stepKey,
      kind: spec.kind,
      title: spec.title,
      assigneeId: spec.assigneeId ?? null,
      candidateGroup: spec.candidateGroup ?? null,
      dueAt,
      priority: spec.priority ?? 'normal',
      status: 'open',
      overdue: false,
      events: 0,
      requiredFields: spec.requiredFields ?? {},
      expiresAtDue: spec.expiresAtDue ?? false,
      completion: spec.completion,
    };
    this.tasks.set(taskId, record);
    const intended = record.assigneeId;
    const input = {
      taskId,
      workflowId: p.workflowId,
      participationId: p.header.participationId,
      stepKey,
      kind: spec.kind,
      title: spec.title,
      instructions: spec.instructions,
      assigneeId: record.assigneeId,
      candidateGroup: record.candidateGroup,
      dueAt,
      priority: record.priority,
      requiredFields: record.requiredFields,
      at: isoNow(),
    };
    // An absent assignee's task went to their delegate (unless someone moved it meanwhile).
    // Histories recorded before delegation return nothing: replayed, they keep their assignee.
    const adopt = (placed: TaskPlacement | null | undefined) => {
      if (placed?.assigneeId && intended !== null && record.assigneeId === intended) record.assigneeId = placed.assigneeId;
    };
    const summary = p.t('activity.openTask', { title: spec.title, date: readableDate(dueAt) });
    const placed = await p.write({ name: 'openTask', input }, summary, adopt);
    // Batched, the writer adopted the placement and refreshed the search attributes at the commit.
    if (!p.batchedWrites) {
      adopt(placed);
      p.refreshTaskAttributes();
    }
    await this.watchDeadline(record, spec.remindBeforeMs);
    return toView(record);
  }

  /** Applies a change to the task's row and journal, then refreshes the search attributes. */
  async record(task: TaskRecord, suffix: string, change: Omit<TaskChange, 'taskId' | 'workflowId' | 'stepKey' | 'at'>) {
    task.events += 1;
    const p = this.participation;
    // The activity's summary says in words what happened, in the Temporal UI's history.
    const summary = activitySummary(p, task, change.action, change.actorId);
    const input = {
      taskId: task.taskId,
      workflowId: p.workflowId,
      stepKey: `${task.stepKey}/${task.events}-${suffix}`,
      at: isoNow(),
      ...change,
    };
    await p.write({ name: 'changeTask', input }, summary);
    if (!p.batchedWrites) p.refreshTaskAttributes();
  }

  /** Closes every task still open, when the participation ends before they are done. */
  async cancelOpen(actorId: string, note: string): Promise<void> {
    const written: Promise<void>[] = [];
    for (const task of this.tasks.values()) {
      if (!isActive(task)) continue;
      task.status = 'cancelled';
      const write = this.record(task, 'cancelled', { status: 'cancelled', actorId, action: 'task.cancelled', note });
      // Batched, all of them are queued at once and land in one transaction.
      if (this.participation.batchedWrites) written.push(write);
      else await write;
    }
    if (written.length > 0) await Promise.all(written);
  }

  /**
   * Reminder before the due date, overdue at it; a moved due date restarts the
   * watch (and clears the overdue flag when the new date is ahead).
   */
  private async watchDeadline(task: TaskRecord, remindBeforeMs: number): Promise<void> {
    let remindedFor: string | undefined;
    while (isActive(task)) {
      const watchedDue = task.dueAt;
      const dueMs = Date.parse(watchedDue);
      const moved = () => !isActive(task) || task.dueAt !== watchedDue;
      const remindAt = dueMs - remindBeforeMs;
      if (remindBeforeMs > 0 && remindedFor !== watchedDue && !task.overdue && remindAt > Date.now()) {
        const summary = this.participation.t('timer.taskReminder', { title: task.title, date: readableDate(watchedDue) });
        if (await condition(moved, remindAt - Date.now(), { summary })) continue;
        remindedFor = watchedDue;
        const note = this.participation.t('audit.taskReminder', { title: task.title, date: task.dueAt });
        await this.record(task, 'reminder', { actorId: 'workflow', action: 'task.reminder', note });
        continue;
      }
      if (!task.overdue && dueMs > Date.now()) {
        const summary = this.participation.t('timer.taskDue', { title: task.title, date: readableDate(watchedDue) });
        if (await condition(moved, dueMs - Date.now(), { summary })) continue;
      }
      if (task.expiresAtDue) {
        task.status = 'expired';
        const note = this.participation.t('audit.taskExpired', { title: task.title });
        await this.record(task, 'expired', { status: 'expired', actorId: 'workflow', action: 'task.expired', note });
        return;
      }
      if (!task.overdue) {
        task.overdue = true;
        const note = this.participation.t('audit.taskOverdue', { title: task.title });
        await this.record(task, 'overdue', { overdue: true, actorId: 'workflow', action: 'task.overdue', note });
        continue;
      }
      await condition(moved);
      if (isActive(task) && Date.parse(task.dueAt) > Date.now()) {
        task.overdue = false;
        await this.record(task, 'on-time', { overdue: false, actorId: 'workflow', action: 'task.on-time' });
      }
    }
  }
}

/** What the change's activity is called in the Temporal UI's history. */
function activitySummary(p: ParticipationContext, task: TaskRecord, action: string, actorId: string): string {
  const title = task.title;
  switch (action) {
    case 'task.completed':
      return p.t('activity.taskCompleted', { title, actorId });
    case 'task.overdue':
      return p.t('activity.taskOverdue', { title, date: readableDate(task.dueAt) });
    case 'task.cancelled':
      return p.t('activity.taskCancelled', { title });
    default:
      return p.t('activity.journal', {
        action: p.describe(action, { title, assigneeId: task.assigneeId, candidateGroup: task.candidateGroup }),
      });
  }
}
