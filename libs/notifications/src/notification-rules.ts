/**
 * Which audit actions notify whom. A new kit action that should notify someone
 * is one entry here (and its texts under `notify.<message>.*` in the catalogs).
 *
 * Audiences:
 * - `assignee`: the task's assignee (the new one after a reassignment; the
 *   delegate of an absent assignee); for a task offered to a candidate group
 *   with no assignee, every active member.
 * - `coordinator`: the participation's coordinator.
 * - `target`: the person the audit entry names as its target.
 */
export type Audience = 'assignee' | 'coordinator' | 'target';

export const NOTIFY_MESSAGES = [
  'taskOpened',
  'taskOpenedGroup',
  'taskOpenedDelegated',
  'taskReminder',
  'taskOverdue',
  'taskOverdueCoordinator',
  'federalEscalated',
  'taskDeclined',
  'taskReassigned',
] as const;
export type NotifyMessage = (typeof NOTIFY_MESSAGES)[number];

export interface Delivery {
  to: Audience;
  message: NotifyMessage;
  /** Text for the members of a candidate group, when the task has no assignee. */
  groupMessage?: NotifyMessage;
  /** Text for the delegate who receives a task meant for an absent person. */
  delegatedMessage?: NotifyMessage;
}

export interface NotificationRule {
  /** `task`: the entry's target is a task id, and its texts name the task. */
  about: 'task' | 'participation';
  deliveries: readonly Delivery[];
}

export const NOTIFICATION_RULES: Readonly<Record<string, NotificationRule>> = {
  'task.opened': {
    about: 'task',
    deliveries: [{ to: 'assignee', message: 'taskOpened', groupMessage: 'taskOpenedGroup', delegatedMessage: 'taskOpenedDelegated' }],
  },
  'task.reminder': { about: 'task', deliveries: [{ to: 'assignee', message: 'taskReminder' }] },
  'task.overdue': {
    about: 'task',
    deliveries: [
      { to: 'assignee', message: 'taskOverdue' },
      { to: 'coordinator', message: 'taskOverdueCoordinator' },
    ],
  },
  'federal.escalated': { about: 'participation', deliveries: [{ to: 'target', message: 'federalEscalated' }] },
  'task.declined': { about: 'task', deliveries: [{ to: 'coordinator', message: 'taskDeclined' }] },
  'task.reassigned': { about: 'task', deliveries: [{ to: 'assignee', message: 'taskReassigned' }] },
};

export function ruleFor(action: string): NotificationRule | undefined {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_RULES, action) ? NOTIFICATION_RULES[action] : undefined;
}
