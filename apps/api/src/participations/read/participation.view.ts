import type { ParticipationStateView, PlanTie } from '@lib/contracts';
import { kindNamed } from '@workflows/registry-lookups';
import type { ParticipationEntity } from '@lib/persistence';
import type { ParticipationAction } from '@lib/contracts/http/http-views';

/** The stored projection as the API shows it. */
export interface ParticipationSummary {
  id: string;
  workflowId: string;
  kind: string;
  businessKey: string;
  title: string;
  forum: string;
  coordinatorId: string;
  phase: string;
  status: string;
  outcome: string | null;
  launchedAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The plan's priority and key initiative it serves, from its kind (null for a kind no longer registered). */
  plan: PlanTie | null;
}

export interface ParticipationDetail extends ParticipationSummary {
  locale: string;
  closingSummary: string | null;
  details: Record<string, unknown>;
  /** Live state from the workflow's `getState` query; null when the workflow could not answer in time. */
  live: ParticipationStateView | null;
  /** What the caller may do now, as the console offers it (none while the live state is unavailable). */
  actions: ParticipationAction[];
}

export function toSummary(row: ParticipationEntity): ParticipationSummary {
  return {
    id: row.id,
    workflowId: row.workflowId,
    kind: row.kind,
    businessKey: row.businessKey,
    title: row.title,
    forum: row.forum,
    coordinatorId: row.coordinatorId,
    phase: row.phase,
    status: row.status,
    outcome: row.outcome,
    launchedAt: row.launchedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    plan: planOf(row.kind),
  };
}

/** Derived from the kind at read: every participation of a kind serves the kind's initiative. */
function planOf(kind: string): PlanTie | null {
  const plan = kindNamed(kind)?.plan;
  return plan ? ({ priority: plan.priority, initiative: plan.initiative } as PlanTie) : null;
}
