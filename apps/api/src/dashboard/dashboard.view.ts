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
