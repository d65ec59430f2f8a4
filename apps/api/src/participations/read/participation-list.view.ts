import type { Page } from '../../common/page.query';
import type { ParticipationSummary } from './participation.view';

/** One row of `GET /participations`: the projection and where its open tasks stand. */
export interface ParticipationListItem extends ParticipationSummary {
  /** When it entered its current phase. */
  phaseEnteredAt: string;
  openTasks: number;
  overdueTasks: number;
  /** Earliest due date among its open tasks. */
  nextDueAt: string | null;
}

/** A page of participations, with the task counts of every participation the filters match (not only this page). */
export interface ParticipationList extends Page<ParticipationListItem> {
  counts: { openTasks: number; overdueTasks: number };
}
