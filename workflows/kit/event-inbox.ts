import { setHandler } from '@temporalio/workflow';
import { participationEventSignal, type MessageKey, type MessageParams, type ParticipationEvent } from './contracts';
import type { ParticipationContext } from './participation-context';

export type EventHandler = (event: ParticipationEvent) => void | Promise<void>;

/** How many event ids a participation remembers (and carries to its next run) to count each event once. */
const SEEN_EVENTS_KEPT = 500;

/**
 * The external events a participation receives (routed by `POST /events` as
 * the `participationEvent` signal): each journaled, counted once by its id,
 * and handed to the handler of its type; an event nobody handles is journaled
 * as ignored.
 */
export class EventInbox<K extends string = never> {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly pending: ParticipationEvent[] = [];
  private readonly seen: string[];
  /** Until the process body runs, handlers may still be set: an event without one waits for it. */
  private settingUp = true;

  constructor(
    private readonly p: ParticipationContext<K>,
    seenEventIds: string[] = [],
  ) {
    this.seen = [...seenEventIds];
    setHandler(participationEventSignal, (event) => this.receive(event));
  }

  /** Handles the events of one type; those that arrived before the handler was set are handed to it now. */
  on(type: string, handler: EventHandler): void {
    this.handlers.set(type, handler);
    for (const event of this.pending.filter((e) => e.type === type)) {
      this.pending.splice(this.pending.indexOf(event), 1);
      this.p.background(`event ${event.type}`, async () => handler(event));
    }
  }

  /** Records that an event was received but does not fit the participation's current state. */
  async ignore(event: ParticipationEvent, reason: MessageKey | K, params: MessageParams = {}): Promise<void> {
    await this.p.journalEntry(
      `event/${event.type}/ignored`,
      'event.ignored',
      'workflow',
      { eventId: event.eventId },
      this.p.t(reason, params),
    );
  }

  /** Called as the body starts: every handler is set by then, so what is still waiting has none. */
  endSetup(): void {
    this.settingUp = false;
    for (const event of this.pending.splice(0)) {
      this.p.background('unhandled event', () => this.ignore(event, 'reject.eventNotHandled', { type: event.type }));
    }
  }

  /** The ids to carry to the next run. */
  seenIds(): string[] {
    return this.seen.slice(-SEEN_EVENTS_KEPT);
  }

  private async receive(event: ParticipationEvent): Promise<void> {
    // POST /events stores each event id once; this guards against a retry after a crash between signal and commit.
    if (this.seen.includes(event.eventId)) return;
    this.seen.push(event.eventId);
    if (this.seen.length > SEEN_EVENTS_KEPT) this.seen.shift();
    const received = this.p.journalEntry(`event/${event.type}`, 'event.received', 'external', {
      eventId: event.eventId,
      type: event.type,
      data: event.data,
    });
    // The handler changes the state at once, in arrival order: a signal right behind this event sees its effect.
    const handler = this.handlers.get(event.type);
    if (handler) {
      await Promise.all([received, handler(event)]);
    } else if (this.settingUp) {
      this.pending.push(event);
      await received;
    } else {
      await Promise.all([received, this.ignore(event, 'reject.eventNotHandled', { type: event.type })]);
    }
  }
}
