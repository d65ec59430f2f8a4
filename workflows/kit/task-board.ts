import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import {
  completeTaskUpdate,
  describeAction,
  readableDate,
  type CompleteTaskRequest,
  type TaskPriority,
  type TaskView,
} from './contracts';
import type { Participation } from './participation';
import { projections } from './projection-activities';
import { invalidInput, wrongState } from './rejection';

export interface TaskSpec {
  /** Stable name of the step inside the process, e.g. `position/agriculture/r1`. */
  step: string;
  kind: string;
  title: string;
  instructions: string;
  assigneeId: string;
  priority?: TaskPriority;
  dueInMs: number;
  remindBeforeMs: number;
}

interface TaskRecord extends TaskView {
  kind: string;
}

const isoNow = () => new Date(Date.now()).toISOString();

/**
 * The human tasks of one participation: each opened through an idempotent
 * activity, completed by the `completeTask` Update, reminded before its due
 * date and escalated (marked overdue) at it, all on durable workflow timers.
 */
export class TaskBoard {
  private readonly tasks = new Map<string, TaskRecord>();

  constructor(private readonly participation: Participation) {
    setHandler(completeTaskUpdate, (request) => this.complete(request), {
      validator: (request) => this.validateCompletion(request),
    });
  }

  all(): TaskView[] {
    return [...this.tasks.values()].map(({ kind: _kind, ...view }) => view);
  }

  open(): TaskView[] {
    return this.all().filter((task) => task.status === 'open' || task.status === 'claimed');
  }

  /** Opens a task and resolves with it once it is completed (or cancelled with the participation). */
  async run(spec: TaskSpec): Promise<TaskView> {
    const p = this.participation;
    const taskId = uuid4();
    const dueAt = new Date(Date.now() + spec.dueInMs).toISOString();
    const stepKey = p.nextStepKey(`task/${spec.step}`);
    const record: TaskRecord = {
      taskId,
      stepKey,
      kind: spec.kind,
      title: spec.title,
      assigneeId: spec.assigneeId,
      dueAt,
      priority: spec.priority ?? 'normal',
      status: 'open',
      overdue: false,
    };
    this.tasks.set(taskId, record);
    await projections(p.t('activity.openTask', { title: spec.title, date: readableDate(dueAt) })).openTask({
      taskId,
      workflowId: p.workflowId,
      participationId: p.header.participationId,
      stepKey,
      kind: spec.kind,
      title: spec.title,
      instructions: spec.instructions,
      assigneeId: spec.assigneeId,
      dueAt,
      priority: record.priority,
      at: isoNow(),
    });
    p.refreshTaskAttributes();
    await this.watchDeadline(record, spec.remindBeforeMs);
    return { ...record };
  }

  /** Closes every task still open, when the participation ends before they are done. */
  async cancelOpen(actorId: string, note: string): Promise<void> {
    for (const task of this.tasks.values()) {
      if (task.status !== 'open' && task.status !== 'claimed') continue;
      task.status = 'cancelled';
      await projections(this.participation.t('activity.taskCancelled', { title: task.title })).changeTask({
        taskId: task.taskId,
        workflowId: this.participation.workflowId,
        stepKey: `${task.stepKey}/cancelled`,
        status: 'cancelled',
        actorId,
        action: 'task.cancelled',
        note,
        at: isoNow(),
      });
    }
  }

  private async watchDeadline(task: TaskRecord, remindBeforeMs: number): Promise<void> {
    const p = this.participation;
    const done = () => task.status !== 'open' && task.status !== 'claimed';
    const dueAtMs = Date.parse(task.dueAt);
    const remindAtMs = dueAtMs - remindBeforeMs;
    const date = readableDate(task.dueAt);
    // Timers carry a summary so that the Temporal UI's history says what each one is for.
    if (remindBeforeMs > 0 && remindAtMs > Date.now()) {
      const summary = p.t('timer.taskReminder', { title: task.title, date });
      if (await condition(done, remindAtMs - Date.now(), { summary })) return;
      await this.journal(task, 'reminder', 'task.reminder', p.t('audit.taskReminder', { title: task.title, date }));
    }
    const summary = p.t('timer.taskDue', { title: task.title, date });
    if (await condition(done, Math.max(1, dueAtMs - Date.now()), { summary })) return;
    task.overdue = true;
    await projections(p.t('activity.taskOverdue', { title: task.title, date })).changeTask({
      taskId: task.taskId,
      workflowId: this.participation.workflowId,
      stepKey: `${task.stepKey}/overdue`,
      overdue: true,
      actorId: 'workflow',
      action: 'task.overdue',
      note: this.participation.t('audit.taskOverdue', { title: task.title }),
      at: isoNow(),
    });
    this.participation.refreshTaskAttributes();
    await condition(done);
  }

  private validateCompletion(request: CompleteTaskRequest): void {
    const task = this.tasks.get(request?.taskId);
    if (!task) throw invalidInput('reject.noSuchTask', { taskId: String(request?.taskId) });
    if (task.status !== 'open' && task.status !== 'claimed') {
      throw wrongState('reject.taskNotOpen', { taskId: task.taskId, status: task.status });
    }
  }

  private async complete(request: CompleteTaskRequest): Promise<TaskView> {
    const task = this.tasks.get(request.taskId) as TaskRecord;
    // Marked before the write so that a second completion is refused by the validator.
    task.status = 'completed';
    task.deliverable = request.deliverable;
    const summary = this.participation.t('activity.taskCompleted', { title: task.title, actorId: request.actorId });
    await projections(summary).changeTask({
      taskId: task.taskId,
      workflowId: this.participation.workflowId,
      stepKey: `${task.stepKey}/completed`,
      status: 'completed',
      deliverable: request.deliverable,
      actorId: request.actorId,
      action: 'task.completed',
      at: isoNow(),
    });
    this.participation.refreshTaskAttributes();
    const { kind: _kind, ...view } = task;
    return view;
  }

  private async journal(task: TaskRecord, suffix: string, action: string, note: string): Promise<void> {
    const p = this.participation;
    const said = describeAction(p.header.locale, action, { title: task.title });
    await projections(p.t('activity.journal', { action: said })).appendJournal({
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
