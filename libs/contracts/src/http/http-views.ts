/*
 * The shapes the HTTP API answers with that the web console reads too: one
 * definition for both sides. No imports: the console takes these as types only,
 * and its bundle gets nothing from the server's libraries.
 */

/**
 * A step the caller may take on a participation now, with what its form needs
 * (a session's key and date, a task's id). The console draws its buttons from
 * this list alone, so the rules live on the server, beside the API calls they
 * lead to; the workflow's validators still judge each request.
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
  | { kind: 'cancel' }
  /** A partner answers an open call for proposals, in one of its themes. */
  | { kind: 'submit-proposal'; themes: string[] };

/** `GET /dashboard`: where every participation stands, from PostgreSQL, with codes and their words. */
export interface Dashboard {
  generatedAt: string;
  totals: { activeParticipations: number; openTasks: number; overdueTasks: number };
  byKindAndPhase: Array<{ kind: string; kindLabel: string; phase: string; phaseLabel: string; count: number }>;
  /** Forums with open tasks, most overdue first. */
  overdueByForum: Array<{ forum: string; overdueTasks: number; openTasks: number; participationsWithOverdue: number }>;
  /** Whom overdue tasks wait on (a person, or a group nobody claimed for), most first, with the most overdue one's participation. */
  overdueByPerson: Array<{
    assigneeId: string | null;
    candidateGroup: string | null;
    overdueTasks: number;
    oldestParticipationId: string;
    oldestTitle: string;
    oldestDueAt: string;
  }>;
  /** Active participations that have been in their current phase the longest. */
  waitingLongest: Array<{
    id: string;
    workflowId: string;
    kind: string;
    title: string;
    forum: string;
    phase: string;
    phaseLabel: string;
    phaseEnteredAt: string;
    waitingSeconds: number;
    openTasks: number;
    overdueTasks: number;
  }>;
}

/** What the plan's report counts, per initiative and per year (`GET /reports/plan`); `measures` gives their order. */
export type PlanReportMeasure =
  | 'launched'
  | 'open'
  | 'concluded'
  | 'tasksDelivered'
  | 'internsPlaced'
  | 'expertsInTaskForces'
  | 'ratificationsObtained'
  | 'agreementsSigned'
  | 'missionsHeld';

/** One initiative in one year of the range, with its labels in the caller's language. */
export type PlanReportRow = {
  year: number;
  priority: string;
  priorityLabel: string;
  initiative: string;
  initiativeLabel: string;
  /** The kinds of process tied to the initiative. */
  kinds: string[];
} & Record<PlanReportMeasure, number>;

export interface PlanReport {
  from: string;
  to: string;
  years: number[];
  /** Each measure's code and label in the caller's language, in the report's order. */
  measures: Array<{ code: PlanReportMeasure; label: string }>;
  rows: PlanReportRow[];
}
