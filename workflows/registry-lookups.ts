import { loadConfig, type AppConfig, type DurationSetting } from '../libs/config/src';
import {
  FEDERAL_RESPONSE_EVENT,
  KIT_PUBLISHED_EVENTS,
  KIT_STRINGS,
  Messages,
  type KeyOf,
  type MessageKey,
  type PublishedEventType,
} from '../libs/contracts/src';
import type { Kind, KindEvent } from './kind-definition';
import { KINDS, type ParticipationKind } from './registry';

export type { ParticipationKind };

/*
 * What the API and the worker read from the registry, derived once: the kinds'
 * codes, their words, their settings, their events and their workflow modules.
 */

export const PARTICIPATION_KINDS = Object.keys(KINDS) as ParticipationKind[];

export function isParticipationKind(value: unknown): value is ParticipationKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}

/** The kind of this code, or undefined. */
export function kindNamed(code: string): Kind | undefined {
  return isParticipationKind(code) ? KINDS[code] : undefined;
}

/** Every kind's own message keys. */
export type KindMessageKey = { [Code in ParticipationKind]: KeyOf<(typeof KINDS)[Code]['strings']> }[ParticipationKind];

/** The kit's words and every kind's, for what the API says (errors, timelines, dashboards, the Temporal UI summary). */
export const ALL_MESSAGES = new Messages<MessageKey | KindMessageKey>(
  KIT_STRINGS,
  ...Object.values<Kind>(KINDS).map((kind) => kind.strings),
);

/** Every kind's own settings, for the configuration to validate at start. */
export const KIND_SETTINGS: readonly DurationSetting[] = Object.values<Kind>(KINDS).flatMap((kind) => kind.settings ?? []);

/** The configuration of a process: the environment with every kind's settings, validated at once. */
export function loadProcessConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig(source, KIND_SETTINGS);
}

/** An outside event type and the kind that takes it. */
export interface KindEventRoute extends KindEvent {
  kind: ParticipationKind;
}

/** Every kind's events by type; an event type belongs to one kind only. */
export const KIND_EVENTS: ReadonlyMap<string, KindEventRoute> = new Map(
  PARTICIPATION_KINDS.flatMap((code) =>
    Object.entries(KINDS[code].events ?? {}).map(([type, event]) => [type, { ...event, kind: code }] as const),
  ),
);

/** Every event type `POST /events` accepts: the kit's federal response, then each kind's. */
export const EVENT_TYPES: readonly string[] = [FEDERAL_RESPONSE_EVENT, ...KIND_EVENTS.keys()];

/** The modules whose exported functions are the workflows the worker runs (the bundle's entry is written from them). */
export const WORKFLOW_MODULES: readonly string[] = Object.values<Kind>(KINDS).flatMap((kind) => kind.workflowModules);

/** Kinds whose workflow keeps a session calendar. */
export const KINDS_WITH_SESSIONS: readonly ParticipationKind[] = PARTICIPATION_KINDS.filter((code) => KINDS[code].sessions === true);

/** Every kind's launch DTO, for the API's OpenAPI document. */
export const LAUNCH_DTOS = Object.values<Kind>(KINDS).map((kind) => kind.launch.dto);

/** The whole catalogue of published CloudEvents: the kit's, then each kind's own. */
export const PUBLISHED_EVENTS: readonly PublishedEventType[] = [
  ...KIT_PUBLISHED_EVENTS,
  ...Object.values<Kind>(KINDS).flatMap((kind) => kind.publishes ?? []),
];
