/** One line of a participation's timeline: what happened, when, and who did it, said in the caller's language. */
export interface TimelineEntry {
  at: string;
  /** `journal`: the audit log the workflow writes; `temporal`: the workflow's own history (timers, lifecycle). */
  source: 'journal' | 'temporal';
  /** Stable code: the journal action (`task.opened`) or the history event (`timer.fired`). */
  type: string;
  text: string;
  /** Who acted: a person's identifier, `workflow` for the engine itself, a Temporal identity for actions taken there. */
  actorId: string | null;
  /** The note written with it: a refusal reason, review comments, a cancellation reason. */
  note: string | null;
}

export interface Timeline {
  participationId: string;
  workflowId: string;
  /** False when Temporal could not give the history in time: the entries then come from the journal only. */
  historyAvailable: boolean;
  notice: string | null;
  entries: TimelineEntry[];
}
