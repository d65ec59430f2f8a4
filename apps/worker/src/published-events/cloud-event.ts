import { PUBLISHED_SOURCE } from '@lib/contracts';
import type { EventOutboxEntity } from '@lib/persistence';

/** A published event as a CloudEvent 1.0 in structured mode (JSON). */
export interface PublishedCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Extension attributes: the participation's kind and forum, and the event's order number. */
  participationkind: string;
  forum: string;
  sequence: string;
  data: Record<string, unknown>;
}

/** The CloudEvent of an outbox row; the protected free text only for a subscriber allowed to read it. */
export function toCloudEvent(event: EventOutboxEntity, includeProtected: boolean): PublishedCloudEvent {
  return {
    specversion: '1.0',
    id: event.eventId,
    source: PUBLISHED_SOURCE,
    type: event.type,
    subject: event.subject,
    time: new Date(event.occurredAt).toISOString(),
    datacontenttype: 'application/json',
    participationkind: event.kind,
    forum: event.forum,
    sequence: String(event.seq),
    data: includeProtected && event.protectedData ? { ...event.data, protected: event.protectedData } : event.data,
  };
}
