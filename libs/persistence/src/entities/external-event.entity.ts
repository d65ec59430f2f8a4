import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an event was delivered: a signal to a running participation, or a signal that started it. */
export interface EventRoute {
  workflowId: string;
  via: 'signal' | 'signal-with-start';
}

/**
 * An external event received by `POST /events`, with what it was routed to.
 * The primary key on the sender's event id is what makes an event count once:
 * a second insert of the same id waits for the first and then finds it.
 * Written by the API: it is the API's own record, not a workflow projection.
 */
@Entity({ name: 'external_events' })
@Index('idx_external_events_type_received', ['type', 'receivedAt'])
export class ExternalEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
  data: Record<string, any>;

  @Column({ name: 'routed_to', type: 'jsonb', default: () => "'[]'" })
  routedTo: EventRoute[];

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
