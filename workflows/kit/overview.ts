import { readableDate, type MessageKey, type MessageParams, type ParticipationOverview, type ParticipationStateView } from './contracts';

type Say = (key: MessageKey, params?: MessageParams) => string;

/** The `getOverview` answer: the live state said in sentences, for the Temporal UI's Queries tab. */
export function overviewOf(view: ParticipationStateView, t: Say): ParticipationOverview {
  const open = view.tasks.filter((task) => task.status === 'open' || task.status === 'claimed');
  const deadlines = [...open.map((task) => task.dueAt), ...(view.waitingFor?.until ? [view.waitingFor.until] : [])].sort();
  return {
    participation: t('ui.summary', { kindLabel: t(`kind.${view.kind}` as MessageKey), title: view.title }),
    // Plain text here (the Queries tab shows JSON); the code is what list filters use.
    phase: `${t(`phase.${view.phase}` as MessageKey)} (${view.phase})`,
    status: view.outcome ? t(`outcome.${view.outcome}` as MessageKey) : t(`status.${view.status}` as MessageKey),
    waitingFor: view.waitingFor?.label ?? null,
    until: view.waitingFor?.until ? readableDate(view.waitingFor.until) : null,
    nextDeadline: deadlines.length > 0 ? readableDate(deadlines[0]) : null,
    overdueTasks: open.filter((task) => task.overdue).length,
    openTasks: open.map((task) =>
      t(task.overdue ? 'overview.taskLineOverdue' : 'overview.taskLine', {
        title: task.title,
        assigneeId: task.assigneeId ?? `[${task.candidateGroup ?? '—'}]`,
        dueAt: readableDate(task.dueAt),
      }),
    ),
    phases: view.phaseHistory.map((step) => `${readableDate(step.at)}  ${t(`phase.${step.phase}` as MessageKey)}`),
  };
}
