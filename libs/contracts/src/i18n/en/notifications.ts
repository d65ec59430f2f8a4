import type { frNotifications } from '../fr/notifications';

/** Notification e-mails and webhooks, in English: the same keys as in French (the compiler checks). */
export const enNotifications: Record<keyof typeof frNotifications, string> = {
  'notify.greeting': 'Hello {name},',
  'notify.inbox': 'Your task inbox: {link}',
  'notify.signature': 'Automatic message from participation tracking. Please do not reply.',
  'notify.taskOpened.subject': 'New task: "{task}"',
  'notify.taskOpened.body': 'A task is assigned to you in the participation "{participation}": "{task}".\nDue: {due}.',
  'notify.taskOpenedGroup.subject': 'Task to take on: "{task}"',
  'notify.taskOpenedGroup.body':
    'A task is offered to your group "{group}" in the participation "{participation}": "{task}".\nDue: {due}. Whoever claims it becomes responsible for it.',
  'notify.taskReminder.subject': 'Reminder: "{task}" is due on {due}',
  'notify.taskReminder.body': 'The task "{task}" of the participation "{participation}" is due on {due}.',
  'notify.taskOverdue.subject': 'Task overdue: "{task}"',
  'notify.taskOverdue.body': 'The task "{task}" of the participation "{participation}" was due on {due} and has not been delivered yet.',
  'notify.taskOverdueCoordinator.subject': 'Task overdue: "{task}" ({assignee})',
  'notify.taskOverdueCoordinator.body':
    'The task "{task}" assigned to {assignee} in the participation "{participation}" was due on {due} and has not been delivered yet.',
  'notify.federalEscalated.subject': 'Follow-up: no federal answer for "{participation}"',
  'notify.federalEscalated.body':
    'The federal government has not answered the request of the participation "{participation}" by the deadline. The participation is still waiting for its answer: a follow-up is needed.',
  'notify.taskDeclined.subject': 'Task declined: "{task}"',
  'notify.taskDeclined.body':
    '{actor} declined the task "{task}" of the participation "{participation}".\nReason: {note}\nThe task needs to be reassigned.',
  'notify.taskReassigned.subject': 'Task reassigned: "{task}"',
  'notify.taskReassigned.body': 'The task "{task}" of the participation "{participation}" is now assigned to you.\nDue: {due}.',
  'notify.taskOpenedDelegated.subject': 'New task while {delegator} is away: "{task}"',
  'notify.taskOpenedDelegated.body':
    'A task meant for {delegator} is assigned to you while they are away, in the participation "{participation}": "{task}".\nDue: {due}.',
  'notify.noNote': '(none)',
  'calendar.name': 'Due dates and sessions of {name}',
  'calendar.due': 'Due: {title}',
};
