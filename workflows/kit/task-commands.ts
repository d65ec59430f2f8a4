import { setHandler } from '@temporalio/workflow';
import {
  claimTaskUpdate,
  describeRule,
  satisfiesRule,
  completeTaskUpdate,
  type CompleteTaskRequest,
  type DeclineTaskRequest,
  type ReassignTaskRequest,
  type RescheduleTaskRequest,
  type TaskCommand,
  declineTaskUpdate,
  reassignTaskUpdate,
  rescheduleTaskUpdate,
  TASK_PRIORITIES,
  unclaimTaskUpdate,
  type TaskStatus,
} from './contracts';
import { invalidInput, notAllowed, wrongState } from './rejection';
import { toView, type TaskLedger, type TaskRecord } from './task-record';

/*
 * What people do to a task, as Updates. Validators refuse at once what does not
 * fit (wrong status, not the assignee); handlers change the record before the
 * write, so a second identical request is refused by the validator.
 */
export function registerTaskCommands(board: TaskLedger): void {
  const task = (taskId: string | undefined, allowed: TaskStatus[]): TaskRecord => {
    const found = board.find(String(taskId));
    if (!found) throw invalidInput('reject.noSuchTask', { taskId: String(taskId) });
    if (!allowed.includes(found.status)) throw wrongState('reject.taskNotOpen', { taskId: found.taskId, status: found.status });
    return found;
  };
  const mustBeAssignee = (t: TaskRecord, actorId: string) => {
    if (t.assigneeId !== actorId) throw notAllowed('reject.notAssignee', { taskId: t.taskId });
  };

  setHandler(
    completeTaskUpdate,
    async (request) => {
      const { taskId, actorId, deliverable, requestId } = request;
      const t = task(taskId, ['open', 'claimed']);
      t.status = 'completed';
      t.deliverable = deliverable;
      t.completion?.accept(request, t);
      await board.record(t, 'completed', { status: 'completed', deliverable, actorId, requestId, action: 'task.completed' });
      return toView(t);
    },
    {
      validator: (request: CompleteTaskRequest) => {
        const { taskId, actorId, deliverable } = request;
        const t = task(taskId, ['open', 'claimed']);
        mustBeAssignee(t, actorId);
        for (const [field, rule] of Object.entries(t.requiredFields)) {
          if (!satisfiesRule(rule, deliverable?.fields?.[field]))
            throw invalidInput('reject.deliverableField', { field, values: describeRule(rule) });
        }
        t.completion?.check(request, t);
      },
    },
  );

  setHandler(
    claimTaskUpdate,
    async ({ taskId, actorId, requestId }) => {
      const t = task(taskId, ['open']);
      t.status = 'claimed';
      t.assigneeId = actorId;
      await board.record(t, 'claimed', { status: 'claimed', assigneeId: actorId, actorId, requestId, action: 'task.claimed' });
      return toView(t);
    },
    {
      validator: ({ taskId, actorId }: TaskCommand) => {
        const t = task(taskId, ['open']);
        if (t.assigneeId !== null && t.assigneeId !== actorId) throw notAllowed('reject.notAssignee', { taskId: t.taskId });
      },
    },
  );

  setHandler(
    unclaimTaskUpdate,
    async ({ taskId, actorId, requestId }) => {
      const t = task(taskId, ['claimed']);
      t.status = 'open';
      // A group task goes back to the group; a personal one stays with its assignee.
      if (t.candidateGroup) t.assigneeId = null;
      await board.record(t, 'unclaimed', { status: 'open', assigneeId: t.assigneeId, actorId, requestId, action: 'task.unclaimed' });
      return toView(t);
    },
    { validator: ({ taskId, actorId }: TaskCommand) => mustBeAssignee(task(taskId, ['claimed']), actorId) },
  );

  setHandler(
    declineTaskUpdate,
    async ({ taskId, actorId, reason, requestId }) => {
      const t = task(taskId, ['open', 'claimed']);
      // Back to the group when there is one; otherwise the coordinator must reassign it.
      const backToGroup = t.candidateGroup !== null;
      t.status = backToGroup ? 'open' : 'declined';
      t.assigneeId = backToGroup ? null : t.assigneeId;
      await board.record(t, 'declined', {
        status: t.status,
        assigneeId: t.assigneeId,
        actorId,
        requestId,
        action: 'task.declined',
        note: reason,
      });
      return toView(t);
    },
    {
      validator: ({ taskId, actorId, reason }: DeclineTaskRequest) => {
        const t = task(taskId, ['open', 'claimed']);
        mustBeAssignee(t, actorId);
        // A declined decision would wait for a reassignment that decisions refuse: it would never be taken.
        if (t.completion) throw notAllowed('reject.decisionNotDeclined', { taskId: t.taskId });
        if (!reason?.trim()) throw invalidInput('reject.reasonRequired');
      },
    },
  );

  setHandler(
    reassignTaskUpdate,
    async ({ taskId, actorId, assigneeId, reason, requestId }) => {
      const t = task(taskId, ['open', 'claimed', 'declined']);
      t.assigneeId = assigneeId;
      t.status = 'open';
      await board.record(t, 'reassigned', { status: 'open', assigneeId, actorId, requestId, action: 'task.reassigned', note: reason });
      return toView(t);
    },
    {
      validator: ({ taskId, assigneeId, reason }: ReassignTaskRequest) => {
        const t = task(taskId, ['open', 'claimed', 'declined']);
        // A decision (an approval, a closing) is taken by whom it was asked of: handing it over would let anyone decide.
        if (t.completion) throw notAllowed('reject.decisionNotReassigned', { taskId: t.taskId });
        if (!assigneeId?.trim()) throw invalidInput('reject.assigneeRequired');
        if (assigneeId === t.assigneeId) throw invalidInput('reject.sameAssignee', { taskId: t.taskId, assigneeId });
        if (!reason?.trim()) throw invalidInput('reject.reasonRequired');
      },
    },
  );

  setHandler(
    rescheduleTaskUpdate,
    async ({ taskId, actorId, dueAt, priority, reason, requestId }) => {
      const t = task(taskId, ['open', 'claimed', 'declined']);
      if (dueAt) t.dueAt = new Date(dueAt).toISOString();
      if (priority) t.priority = priority;
      await board.record(t, 'rescheduled', {
        dueAt: dueAt ? t.dueAt : undefined,
        priority,
        actorId,
        requestId,
        action: 'task.rescheduled',
        note: reason,
      });
      return toView(t);
    },
    {
      validator: ({ taskId, dueAt, priority, reason }: RescheduleTaskRequest) => {
        task(taskId, ['open', 'claimed', 'declined']);
        if (!dueAt && !priority) throw invalidInput('reject.nothingToChange');
        if (dueAt !== undefined && Number.isNaN(Date.parse(dueAt))) throw invalidInput('reject.badDueDate');
        if (priority !== undefined && !TASK_PRIORITIES.includes(priority)) throw invalidInput('reject.badPriority');
        if (!reason?.trim()) throw invalidInput('reject.reasonRequired');
      },
    },
  );
}
