import type { Me, ParticipationDetail } from '../api/types';

/**
 * The buttons a participation's page shows: only what its live state accepts
 * now, for this person. The workflow stays the judge (its validators refuse a
 * wrong state with 409/422, the API a wrong person with 403); this only keeps
 * people from being offered what cannot work.
 */
export type ParticipationAction =
  | { kind: 'federal-response' }
  | { kind: 'approval'; endpoint: 'mandate-decision' | 'approval-decision' }
  | { kind: 'round-decision' }
  | { kind: 'move-session'; sessionKey: string; label: string; date: string }
  | { kind: 'cancel-session'; sessionKey: string; label: string }
  | { kind: 'pause-monitoring' }
  | { kind: 'resume-monitoring' }
  | { kind: 'reassign-task'; taskId: string; title: string; assigneeId: string | null }
  | { kind: 'close' }
  | { kind: 'cancel' };

const REASSIGNABLE = ['open', 'claimed', 'declined'];

export function validActions(participation: ParticipationDetail, me: Me): ParticipationAction[] {
  const isAdmin = me.roles.includes('admin');
  const isCoordinator = isAdmin || me.roles.includes('coordinator');
  // "Coordinator of the participation" steps: others get 403 from the API, so they are not offered.
  const coordinatesIt = isAdmin || (me.roles.includes('coordinator') && participation.coordinatorId === me.id);
  const live = participation.live;
  const active = (live?.status ?? participation.status) === 'active';
  if (!active || !isCoordinator) return [];

  const actions: ParticipationAction[] = [];
  const waiting = live?.waitingFor?.code;
  const phase = live?.phase ?? participation.phase;
  if (waiting === 'federal-response') actions.push({ kind: 'federal-response' });
  // Approvers are coordinators the launch named; the API says 403 in words to anyone else.
  if (waiting === 'approval')
    actions.push({ kind: 'approval', endpoint: phase === 'mandate-approval' ? 'mandate-decision' : 'approval-decision' });
  if (coordinatesIt) {
    if (waiting === 'round-decision') actions.push({ kind: 'round-decision' });
    for (const session of live?.details.sessions ?? []) {
      if (session.status !== 'scheduled') continue;
      actions.push({ kind: 'move-session', sessionKey: session.key, label: session.label, date: session.date });
      actions.push({ kind: 'cancel-session', sessionKey: session.key, label: session.label });
    }
    if (phase === 'monitoring') actions.push({ kind: 'pause-monitoring' });
    if (phase === 'paused') actions.push({ kind: 'resume-monitoring' });
    for (const task of live?.tasks ?? []) {
      if (REASSIGNABLE.includes(task.status)) {
        actions.push({ kind: 'reassign-task', taskId: task.taskId, title: task.title, assigneeId: task.assigneeId });
      }
    }
    // A watch closes at any time while it monitors; the others when they wait for the closing decision.
    if (waiting === 'closing-decision' || phase === 'monitoring' || phase === 'paused') actions.push({ kind: 'close' });
    actions.push({ kind: 'cancel' });
  }
  return actions;
}
