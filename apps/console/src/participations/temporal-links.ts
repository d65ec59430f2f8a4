import type { ConsoleConfig } from '../api/types';

type TemporalUi = ConsoleConfig['temporalUi'];

/** A participation's own page in the Temporal UI; null when the server names no UI. */
export function workflowLink(ui: TemporalUi, workflowId: string): string | null {
  if (!ui.baseUrl) return null;
  return `${ui.baseUrl}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** The Temporal UI's list filtered on the search attributes (`ParticipationKind="<kind>" AND Phase="…"`, `AssignedExperts="<id>"`). */
export function workflowListLink(
  ui: TemporalUi,
  filter: { kind?: string; phase?: string; forum?: string; assignee?: string; overdue?: boolean },
): string | null {
  if (!ui.baseUrl) return null;
  const clauses = [
    filter.kind && `ParticipationKind="${filter.kind}"`,
    filter.phase && `Phase="${filter.phase}"`,
    filter.forum && `Forum="${filter.forum}"`,
    filter.assignee && `AssignedExperts="${filter.assignee}"`,
    filter.overdue && 'OverdueTasks > 0',
  ].filter(Boolean);
  // A closed participation's workflow has completed: "Running" would find none of them.
  const running = filter.phase === 'closed' ? [] : ['ExecutionStatus="Running"'];
  const query = [...running, ...clauses].join(' AND ');
  return `${ui.baseUrl}/namespaces/${encodeURIComponent(ui.namespace)}/workflows?query=${encodeURIComponent(query)}`;
}
