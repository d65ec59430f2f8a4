import type { FederalDecision } from '../participation/messages';

/*
 * Events the outside world sends to `POST /events`. Each kind declares the
 * events it takes (its folder's `<kind>.events.ts`); the one below is the
 * kit's, for any kind: each is routed to its participation as the
 * `participationEvent` signal.
 */

/** The kit's own event: the federal government answers a participation's pending request. */
export const FEDERAL_RESPONSE_EVENT = 'federal.response.received';

export interface FederalResponseReceivedData {
  /** The participation's kind (the first segment of its workflow id). */
  kind: string;
  businessKey: string;
  decision: FederalDecision;
  note?: string;
}
