import type { CompleteTaskRequest } from './contracts';
import type { Participation } from './participation';
import { isActive, type CompletionRule, type TaskSpec } from './task-record';

/** What the step that offers a decision as tasks says of a completion. */
export interface DecisionRule {
  /** Refuses, by throwing a rejection, a completion the step cannot take now. */
  check(request: CompleteTaskRequest): void;
  /** Takes the decision from the deliverable (synchronously: a second completion is then refused). */
  accept(request: CompleteTaskRequest): void;
}

/**
 * One decision offered as tasks to the people who may take it (each approver;
 * the coordinator for a closing), each task in its assignee's inbox with a
 * due date, a reminder and an escalation like any task. The first completion
 * decides; the step then closes the others with `closeRest`, as it does when
 * the decision comes by its own Update instead.
 */
export class DecisionTasks implements CompletionRule {
  constructor(
    private readonly p: Participation,
    private readonly rule: DecisionRule,
  ) {}

  /** Opens the tasks; each runs beside the step until it is completed or closed. */
  open(specs: TaskSpec[]): void {
    for (const spec of specs) this.p.background(`decision task ${spec.step}`, () => this.p.tasks.run({ ...spec, completion: this }));
  }

  check(request: CompleteTaskRequest): void {
    this.rule.check(request);
  }

  accept(request: CompleteTaskRequest): void {
    this.rule.accept(request);
  }

  /** Cancels this decision's tasks still open, with a note saying who decided. */
  async closeRest(actorId: string, note: string): Promise<void> {
    for (const { taskId } of this.p.tasks.all()) {
      const task = this.p.tasks.find(taskId);
      if (!task || task.completion !== this || !isActive(task)) continue;
      task.status = 'cancelled';
      await this.p.tasks.record(task, 'cancelled', { status: 'cancelled', actorId, action: 'task.cancelled', note });
    }
  }
}
