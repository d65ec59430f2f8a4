/** `GET /dashboard`: where every participation stands, from PostgreSQL, with codes and their words. */
export interface Dashboard {
  generatedAt: string;
  totals: { activeParticipations: number; openTasks: number; overdueTasks: number };
  byKindAndPhase: Array<{ kind: string; kindLabel: string; phase: string; phaseLabel: string; count: number }>;
  /** Forums with open tasks, most overdue first. */
  overdueByForum: Array<{ forum: string; overdueTasks: number; openTasks: number; participationsWithOverdue: number }>;
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
