/**
 * A step the reader may take on a participation now, as the API lists it in
 * `GET /participations/:id` (`actions`): the server decides what is valid, from
 * the workflow's live state and the reader's roles, so the console does not
 * repeat the workflow's rules; it only draws each action's form.
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
