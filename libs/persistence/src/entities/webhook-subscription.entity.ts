import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where an admin wants published events sent: a URL, signed per Standard
 * Webhooks with the subscription's secret, filtered by type, kind and forum
 * (an empty list lets everything through).
 */
@Entity({ name: 'webhook_subscriptions' })
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  /** Full CloudEvent types; empty: every type. */
  @Column({ name: 'event_types', type: 'text', array: true, default: () => "'{}'" })
  eventTypes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  kinds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  forums: string[];

  /** `whsec_<base64>`, the Standard Webhooks form. Shown once, when the subscription is created. */
  @Column({ type: 'text' })
  secret: string;

  /** Whether the events carry the free text the payload codec protects (notes, deliverables). */
  @Column({ name: 'include_protected', type: 'boolean', default: false })
  includeProtected: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
