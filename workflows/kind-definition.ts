import type { ClassConstructor } from 'class-transformer';
import type { AppConfig, DurationSetting } from '../libs/config/src';
import type { KindPlan, ParticipationHeader, PublishedEventType, Strings, TaskTiming } from '../libs/contracts/src';

/*
 * What one process kind gives the API and the worker, beside its workflow:
 * how it is launched, which outside events it takes and where they go, its
 * words in French and English, its own settings. Each kind fills one of these
 * in its folder (`<kind>.kind.ts`) and the registry lists them. None of this
 * runs in the workflow sandbox.
 */

/** A launch body as every kind's DTO has it (the launch header) plus its `kind`. */
export interface LaunchBody {
  kind: string;
  businessKey: string;
  title: string;
  forum: string;
  /** Absent: the caller coordinates it (the launcher fills it in before anything else reads it). */
  coordinatorId?: string;
}

/** How the API launches the kind: the body's DTO (its validation and its OpenAPI schema) and the input built from it. */
export interface KindLaunch<Dto extends LaunchBody> {
  dto: ClassConstructor<Dto>;
  /** The workflow input; every duration comes from configuration. */
  toInput(dto: Dto, header: ParticipationHeader, config: AppConfig): unknown;
  /** Dates a supervisor wants on the participation's Temporal UI page (sessions, conferences), ISO 8601. */
  keyDates?(dto: Dto): string[];
}

/** Reads the projection to find participations an event concerns (events that name no business key). */
export interface ParticipationLookup {
  /** Workflow ids of the active participations of `kind` whose details hold every `details` pair, optionally only `workflowId`. */
  activeWorkflowIds(filter: { kind: string; details?: Record<string, string>; workflowId?: string }): Promise<string[]>;
}

/** Where the API delivers an event of this kind. */
export type EventRoute =
  /** To the participation `<kind>/<data.businessKey>`. */
  | { to: 'business-key' }
  /** Starts the participation when it does not run yet (signal-with-start): the event's data is its launch body without `kind`. */
  | { to: 'new-participation' }
  /** To the participations this function finds. */
  | { to: 'lookup'; find(data: Record<string, unknown>, lookup: ParticipationLookup): Promise<string[]> };

export interface KindEvent {
  /** The event's `data`, validated as this DTO (unknown fields refused). */
  data: ClassConstructor<object>;
  route: EventRoute;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a kind's DTO type is its own; defineKind checks it in the kind's folder
export interface Kind<K extends string = string, Dto extends LaunchBody = any> {
  /** The first segment of the kind's workflow ids, and its code everywhere (search attributes, API, URLs). */
  kind: K;
  /** The workflow type a launch starts. */
  workflowType: string;
  /** Absolute paths of the modules whose exported functions are this kind's workflows (the worker's bundle is written from them). */
  workflowModules: readonly string[];
  /** The kind's words in French and English (`<kind>.strings.ts`): its name `kind.<kind>`, its phases, tasks, waits. */
  strings: Strings;
  launch: KindLaunch<Dto>;
  /**
   * The plan's priority and key initiative this kind serves, and which of its
   * phases count as the plan's milestones once entered (GET /reports/plan).
   * Required: a kind outside the plan cannot be counted.
   */
  plan: KindPlan;
  /** The outside events the kind takes, by type (`POST /events`). */
  events?: Readonly<Record<string, KindEvent>>;
  /** The CloudEvents it publishes beyond the kit's catalogue, from its own journal actions. */
  publishes?: readonly PublishedEventType[];
  /** Settings of its own, validated at start with the rest of the configuration. */
  settings?: readonly DurationSetting[];
  /** Whether its workflow keeps a session calendar (sessions are moved and cancelled by signal). */
  sessions?: boolean;
}

/** Declares a kind, checking its launch definition against its own DTO; its words keep their own keys. */
export function defineKind<const K extends string, Dto extends LaunchBody, S extends Strings>(
  kind: Kind<K, Dto> & { strings: S },
): Omit<Kind<K>, 'strings'> & { strings: S } {
  return kind;
}

/** Every kind's task durations, from configuration. */
export function taskTiming(config: AppConfig): TaskTiming {
  return { taskDueMs: config.durations.taskDueMs, taskReminderBeforeMs: config.durations.taskReminderBeforeMs };
}

/** A validated ISO date as the workflows store it (UTC, milliseconds). */
export const isoDate = (value: string) => new Date(value).toISOString();
