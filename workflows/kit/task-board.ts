import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import {
  completeTaskUpdate,
  declineTaskUpdate,
  reassignTaskUpdate,
  type CompleteTaskRequest,
  type DeclineTaskRequest,
  type ReassignTaskRequest,
  type TaskPriority,
  type TaskView,
} from './contracts';
import type { Participation } from './participation';
import { projections } from './projection-activities';
import { invalidInput, notAllowed, wrongState } from './rejection';

export interface TaskSpec {
  /** Stable name of the step inside the process, e.g. `position/agriculture/r1`. */
  step: string;
  kind: string;
  title: string;
  instructions: string;
  /** A person; or leave it out and name a role in `candidateGroup`. */
  assigneeId?: string;
  candidateGroup?: string;
  priority?: TaskPriority;
  /** Due this long after it opens, or at `dueAt`. */
  dueInMs?: number;
  dueAt?: string;
  remindBeforeMs: number;
  /**
   * Fields the deliverable must carry, each with its accepted values (any
   * non-empty text when the list is empty): a screening's `eligible: yes|no`.
   */
  requiredFields?: Record<string, readonly string[]>;
  /** A closing date rather than a due date: at it the task expires and the step goes on without it. */
  expiresAtDue?: boolean;
}

interface TaskRecord extends TaskView {
  kind: string;
  requiredFields: Record<string, readonly string[]>;
}

const isoNow = () => new Date(Date.now()).toISOString();
const isOpen = (task: TaskView) => task.status === 'open' || task.status === 'claimed';

/**
 * The human tasks of one participation: each opened through an idempotent
 * activity, completed by the `completeTask` Update, declined or reassigned by
 * Updates, reminded before its due date and escalated (marked overdue) at it,
 * all on durable workflow timers.
 */
export class TaskBoard {
  private readonly tasks = new Map<string, TaskRecord>();
  /** Counts each task's changes of hands, so each one has its own idempotency key. */
  private readonly assignments = new Map<string, number>();

  constructor(private readonly participation: Participation) {
    setHandler(completeTaskUpdate, (request) => this.complete(request), {
      validator: (request) => this.validateCompletion(request),
    });
    setHandler(declineTaskUpdate, (request) => this.decline(request), {
      validator: (request) => this.validateDecline(request),
    });
    setHandler(reassignTaskUpdate, (request) => this.reassign(request), {
      validator: (request) => this.validateReassign(request),
    });
  }

  all(): TaskView[] {
    return [...this.tasks.values()].map(toView);
  }

  open(): TaskView[] {
    return this.all().filter(isOpen);
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
      assigneeId: spec.assigneeId,
      candidateGroup: spec.candidateGroup,
      dueAt,
      priority: spec.priority ?? 'normal',
      status: 'open',
      overdue: false,
      requiredFields: spec.requiredFields ?? {},
    };
    this.tasks.set(taskId, record);
    await projections(p.t('activity.openTask', { title: spec.title, date: dueAt })).openTask({
      taskId,
      workflowId: p.workflowId,
      participationId: p.header.participationId,
      stepKey,
      kind: spec.kind,
      title: spec.title,
      instructions: spec.instructions,
      assigneeId: spec.assigneeId,
      candidateGroup: spec.candidateGroup,
      dueAt,
      priority: record.priority,
      at: isoNow(),
    });
    p.refreshTaskAttributes();
    await this.watchDeadline(record, spec.remindBeforeMs, spec.expiresAtDue ?? false);
    return toView(record);
  }

  /** Closes every task still open, when the participation ends before they are done. */
  async cancelOpen(actorId: string, note: string): Promise<void> {
    for (const task of this.tasks.values()) {
      if (!isOpen(task)) continue;
      task.status = 'cancelled';
      await this.change(task, 'cancelled', { status: 'cancelled', actorId, action: 'task.cancelled', note });
    }
  }

  private async watchDeadline(task: TaskRecord, remindBeforeMs: number, expiresAtDue: boolean): Promise<void> {
    const done = () => !isOpen(task);
    const dueAtMs = Date.parse(task.dueAt);
    const remindAtMs = dueAtMs - remindBeforeMs;
    const p = this.participation;
    if (remindBeforeMs > 0 && remindAtMs > Date.now()) {
      if (await condition(done, remindAtMs - Date.now())) return;
      await this.journal(task, 'reminder', 'task.reminder', p.t('audit.taskReminder', { title: task.title, date: task.dueAt }));
    }
    if (await condition(done, Math.max(1, dueAtMs - Date.now()))) return;
    if (expiresAtDue) {
      task.status = 'expired';
      const note = p.t('audit.taskExpired', { title: task.title });
      await this.change(task, 'expired', { status: 'expired', actorId: 'workflow', action: 'task.expired', note });
      p.refreshTaskAttributes();
      return;
    }
    task.overdue = true;
    const note = p.t('audit.taskOverdue', { title: task.title });
    await this.change(task, 'overdue', { overdue: true, actorId: 'workflow', action: 'task.overdue', note });
    p.refreshTaskAttributes();
    await condition(done);
  }

  private openTask(taskId: unknown): TaskRecord {
    const task = this.tasks.get(String(taskId));
    if (!task) throw invalidInput('reject.noSuchTask', { taskId: String(taskId) });
    if (!isOpen(task)) throw wrongState('reject.taskNotOpen', { taskId: task.taskId, status: task.status });
    return task;
  }

  private validateCompletion(request: CompleteTaskRequest): void {
    const task = this.openTask(request?.taskId);
    for (const [field, accepted] of Object.entries(task.requiredFields)) {
      const value = request.deliverable?.fields?.[field];
      if (typeof value !== 'string' || value.trim() === '' || (accepted.length > 0 && !accepted.includes(value))) {
        throw invalidInput('reject.deliverableField', { field, values: accepted.length > 0 ? accepted.join(', ') : '…' });
      }
    }
  }

  private async complete(request: CompleteTaskRequest): Promise<TaskView> {
    const task = this.tasks.get(request.taskId) as TaskRecord;
    // Marked before the write so that a second completion is refused by the validator.
    task.status = 'completed';
    task.deliverable = request.deliverable;
    await this.change(task, 'completed', {
      status: 'completed',
      deliverable: request.deliverable,
      actorId: request.actorId,
      action: 'task.completed',
    });
    this.participation.refreshTaskAttributes();
    return toView(task);
  }

  /** Where a declined task goes: back to its role when it has one, otherwise to the coordinator. */
  private declineTarget(task: TaskRecord): string | undefined {
    return task.candidateGroup ? undefined : this.participation.header.coordinatorId;
  }

  private validateDecline(request: DeclineTaskRequest): void {
    const task = this.openTask(request?.taskId);
    if (!task.assigneeId || task.assigneeId !== request.actorId) {
      throw notAllowed('reject.notAssignee', { actorId: String(request?.actorId), taskId: task.taskId });
    }
    if (typeof request.reason !== 'string' || !request.reason.trim()) throw invalidInput('reject.reasonRequired');
    if (this.declineTarget(task) === task.assigneeId) throw wrongState('reject.cannotDecline', { taskId: task.taskId });
  }

  private async decline(request: DeclineTaskRequest): Promise<TaskView> {
    const task = this.tasks.get(request.taskId) as TaskRecord;
    const seq = this.bumpAssignment(task);
    task.assigneeId = this.declineTarget(task);
    task.status = 'open';
    await this.change(task, `declined/${seq}`, {
      status: 'open',
      assigneeId: task.assigneeId ?? null,
      actorId: request.actorId,
      action: 'task.declined',
      note: request.reason,
    });
    this.participation.refreshTaskAttributes();
    return toView(task);
  }

  private validateReassign(request: ReassignTaskRequest): void {
    const task = this.openTask(request?.taskId);
    if (typeof request.newAssigneeId !== 'string' || !request.newAssigneeId.trim()) {
      throw invalidInput('reject.assigneeRequired');
    }
    if (request.newAssigneeId === task.assigneeId) {
      throw invalidInput('reject.sameAssignee', { taskId: task.taskId, assigneeId: request.newAssigneeId });
    }
  }

  private async reassign(request: ReassignTaskRequest): Promise<TaskView> {
    const task = this.tasks.get(request.taskId) as TaskRecord;
    const seq = this.bumpAssignment(task);
    task.assigneeId = request.newAssigneeId;
    task.status = 'open';
    await this.change(task, `reassigned/${seq}`, {
      status: 'open',
      assigneeId: request.newAssigneeId,
      actorId: request.actorId,
      action: 'task.reassigned',
      note: request.reason,
    });
    this.participation.refreshTaskAttributes();
    return toView(task);
  }

  private bumpAssignment(task: TaskRecord): number {
    const seq = (this.assignments.get(task.taskId) ?? 0) + 1;
    this.assignments.set(task.taskId, seq);
    return seq;
  }

  private async change(
    task: TaskRecord,
    suffix: string,
    change: { status?: TaskView['status']; overdue?: boolean; deliverable?: TaskView['deliverable']; assigneeId?: string | null; actorId: string; action: string; note?: string },
  ): Promise<void> {
    await projections().changeTask({
      taskId: task.taskId,
      workflowId: this.participation.workflowId,
      stepKey: `${task.stepKey}/${suffix}`,
      ...change,
      at: isoNow(),
    });
  }

  private async journal(task: TaskRecord, suffix: string, action: string, note: string): Promise<void> {
    await projections().appendJournal({
      workflowId: this.participation.workflowId,
      participationId: this.participation.header.participationId,
      stepKey: `${task.stepKey}/${suffix}`,
      actorId: 'workflow',
      action,
      target: task.taskId,
      note,
      at: isoNow(),
    });
  }
}

function toView({ kind: _kind, requiredFields: _fields, ...view }: TaskRecord): TaskView {
  return { ...view };
}
