import { OPEN_CALL_DETAIL, type ParticipationStateView } from '@lib/contracts';
import type { ParticipationAction } from '@lib/contracts/http/http-views';
import { coordinates, hasRole, type Caller } from '../../auth/caller';

export type { ParticipationAction };

interface SessionState {
  key: string;
  date: string;
  label: string;
  status: string;
}

const REASSIGNABLE = ['open', 'claimed', 'declined'];
const OPEN = ['open', 'claimed'];
/** Approval tasks' step keys: `<seq>:task/approval/<phase>/<round>/<approver>` (workflows/kit/approval.ts). */
const APPROVAL_STEP = /^\d+:task\/approval\//;
/** The closing task's: `<seq>:task/closing` (workflows/kit/closing-decision.ts). */
const CLOSING_STEP = /^\d+:task\/closing$/;

/**
 * The actions valid now for this caller, from the workflow's live state (its
 * phase, what it waits for, its sessions and tasks). Nothing without a live
 * state: then the workflow could not say where it stands.
 */
export function validActions(
  participation: { coordinatorId: string; status: string },
  live: ParticipationStateView | null,
  caller: Caller,
): ParticipationAction[] {
  if (!live || live.status !== 'active' || participation.status !== 'active') return [];
  // An open call for proposals is answered by partners (for their own organization), and by them alone.
  if (caller.roles.includes('partner')) {
    const open = live.details[OPEN_CALL_DETAIL] === true && live.phase === 'call-open';
    if (open) return [{ kind: 'submit-proposal', themes: (live.details.themes as string[] | undefined) ?? [] }];
  }
  if (!hasRole(caller, 'coordinator')) return [];
  const actions: ParticipationAction[] = [];
  const waiting = live.waitingFor?.code;
  const phase = live.phase;
  if (waiting === 'federal-response') actions.push({ kind: 'federal-response' });
  if (waiting === 'approval' && decidesApproval(live, caller)) {
    actions.push({ kind: 'approval', endpoint: phase === 'mandate-approval' ? 'mandate-decision' : 'approval-decision' });
  }
  // Steering the participation as a whole is for its own coordinator (or an admin): others get 403.
  if (!coordinates(caller, participation.coordinatorId)) return actions;
  if (waiting === 'round-decision') actions.push({ kind: 'round-decision' });
  for (const session of (live.details.sessions ?? []) as SessionState[]) {
    if (session.status !== 'scheduled') continue;
    actions.push({ kind: 'move-session', sessionKey: session.key, label: session.label, date: session.date });
    actions.push({ kind: 'cancel-session', sessionKey: session.key, label: session.label });
  }
  if (phase === 'monitoring') actions.push({ kind: 'pause-monitoring' });
  if (phase === 'paused') actions.push({ kind: 'resume-monitoring' });
  for (const task of live.tasks) {
    // A decision (an approval, a closing) is taken by whom it was asked of: the workflow refuses to hand it on.
    if (REASSIGNABLE.includes(task.status) && !isDecision(task.stepKey)) {
      actions.push({ kind: 'reassign-task', taskId: task.taskId, title: task.title, assigneeId: task.assigneeId });
    }
  }
  // A watch closes at any time while it monitors; the others when they wait for the closing decision.
  if (waiting === 'closing-decision' || phase === 'monitoring' || phase === 'paused') actions.push({ kind: 'close' });
  actions.push({ kind: 'cancel' });
  return actions;
}

/**
 * Whether the caller decides the approval the workflow waits for: they hold
 * one of its open tasks; or, for workflows that wait without approval tasks
 * (begun before they existed), any coordinator may try and the workflow says
 * whether they are an approver.
 */
function decidesApproval(live: ParticipationStateView, caller: Caller): boolean {
  const approvalTasks = live.tasks.filter((task) => APPROVAL_STEP.test(task.stepKey) && OPEN.includes(task.status));
  if (approvalTasks.length === 0) return true;
  return approvalTasks.some((task) => task.assigneeId === caller.id);
}

function isDecision(stepKey: string): boolean {
  return APPROVAL_STEP.test(stepKey) || CLOSING_STEP.test(stepKey);
}
