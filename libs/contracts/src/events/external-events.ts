import type { FederalDecision } from '../participation/messages';
import type { ParticipationKind } from '../participation/participation-kind';

/**
 * Events the outside world sends to `POST /events`. Each is routed to the
 * participation it concerns as the `participationEvent` signal; the ones
 * marked `starts` begin the participation when it does not exist yet.
 */
export const EXTERNAL_EVENT_TYPES = [
  'wto.session.scheduled',
  'eu.offer.received',
  'convention.ratified',
  'intern.application.received',
  'intern.offer.accepted',
  'intern.offer.declined',
  'federal.response.received',
] as const;
export type ExternalEventType = (typeof EXTERNAL_EVENT_TYPES)[number];

export function isExternalEventType(value: unknown): value is ExternalEventType {
  return typeof value === 'string' && (EXTERNAL_EVENT_TYPES as readonly string[]).includes(value);
}

/** A WTO session is announced, or moved: added to the round's calendar by its key. */
export interface WtoSessionScheduledData {
  businessKey: string;
  sessionKey: string;
  date: string;
  leadExpertId: string;
}

export const OFFER_DIRECTIONS = ['offer', 'counter-offer'] as const;
export type OfferDirection = (typeof OFFER_DIRECTIONS)[number];

/** The EU tables an offer or a counter-offer on a chapter: an analysis task opens. */
export interface EuOfferReceivedData {
  businessKey: string;
  chapter: string;
  direction: OfferDirection;
  reference: string;
}

/** A country deposits its instrument of ratification; `campaignKey` narrows it to one campaign. */
export interface ConventionRatifiedData {
  country: string;
  campaignKey?: string;
}

/** The intern accepts or declines the organization's offer. */
export interface InternOfferAnswerData {
  businessKey: string;
  organization: string;
}

/** The federal government answers a participation's pending request. */
export interface FederalResponseReceivedData {
  kind: ParticipationKind;
  businessKey: string;
  decision: FederalDecision;
  note?: string;
}
