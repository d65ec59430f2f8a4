import type { ParticipationAction } from '../../../../libs/contracts/src/http/http-views';

export type { ParticipationAction };

/** The API's JSON, as the console reads it (see the README's API table). */

export interface Me {
  id: string;
  roles: string[];
  groups: string[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ParticipationListItem {
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
  phaseEnteredAt: string;
  openTasks: number;
  overdueTasks: number;
  nextDueAt: string | null;
}

export interface ParticipationList extends Page<ParticipationListItem> {
  counts: { openTasks: number; overdueTasks: number };
}

export interface LiveTask {
  taskId: string;
  stepKey: string;
  title: string;
  assigneeId: string | null;
  candidateGroup: string | null;
  dueAt: string;
  priority: string;
  status: string;
  overdue: boolean;
}

export interface LiveSession {
  key: string;
  date: string;
  label: string;
  leadId?: string;
  status: string;
}

export interface LiveState {
  phase: string;
  status: string;
  outcome?: string;
  waitingFor?: { code: string; label: string; until?: string };
  tasks: LiveTask[];
  phaseHistory: Array<{ phase: string; at: string }>;
  details: Record<string, unknown> & { sessions?: LiveSession[] };
}

export interface ParticipationDetail {
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
  closingSummary: string | null;
  details: Record<string, unknown>;
  live: LiveState | null;
  /** The actions valid now for the reader, decided by the server. */
  actions: ParticipationAction[];
}

export interface TaskItem {
  id: string;
  participationId: string;
  workflowId: string;
  kind: string;
  title: string;
  instructions: string;
  assigneeId: string | null;
  candidateGroup: string | null;
  dueAt: string;
  priority: string;
  status: string;
  overdue: boolean;
  deliverable: { summary?: string; fields?: Record<string, string>; notes?: string } | null;
  createdAt: string;
  completedAt: string | null;
  /** Field → accepted values (empty: any text); the deliverable must carry each. */
  requiredFields?: Record<string, FieldRule>;
}

export interface TimelineEntry {
  at: string;
  source: 'journal' | 'temporal';
  type: string;
  text: string;
  actorId: string | null;
  note: string | null;
}

export interface Timeline {
  historyAvailable: boolean;
  notice: string | null;
  entries: TimelineEntry[];
}

export type { Dashboard } from '../../../../libs/contracts/src/http/http-views';

export interface Person {
  id: string;
  displayName: string;
  roles: string[];
  groups: string[];
  organization?: string | null;
}

export interface ConsoleConfig {
  apiBase: string;
  defaultLanguage: 'fr' | 'en';
  oidc: { issuer: string | null; clientId: string; redirectUri: string; postLogoutRedirectUri: string; scope: string };
  temporalUi: { baseUrl: string | null; namespace: string };
}

export interface Labels {
  kinds: Record<string, string>;
  phases: Record<string, string>;
  statuses: Record<string, string>;
  outcomes: Record<string, string>;
  /** Form fields by name (`businessKey`, `counterpartType`): launch, task and action forms. */
  fields: Record<string, string>;
  /** Choices by value (`federated-state`, `yes`). */
  options: Record<string, string>;
}

/** What a deliverable field must hold, as the workflow declares it (GET /tasks). */
export type FieldRule = { type: 'choice'; values: string[] } | { type: 'person' } | { type: 'date' } | { type: 'text' };

/** An entry of a reference list (`GET /reference/<list>`). */
export interface ReferenceEntry {
  code: string;
  nameFr: string;
  nameEn: string;
  type: string;
  retired: boolean;
}

export type { PlanReport, PlanReportRow, PlanReportMeasure } from '../../../../libs/contracts/src/http/http-views';
