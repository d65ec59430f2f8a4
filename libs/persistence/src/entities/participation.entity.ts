import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Projection of one participation workflow: what coordinators and supervisors search. Written only by activities. */
@Entity({ name: 'participations' })
@Index('uq_participations_workflow_id', ['workflowId'], { unique: true })
@Index('idx_participations_kind_phase', ['kind', 'phase'])
@Index('idx_participations_forum', ['forum'])
@Index('idx_participations_status', ['status'])
@Index('idx_participations_coordinator', ['coordinatorId'])
@Index('idx_participations_launched_at', ['launchedAt'])
// The supervisors' dashboard: active participations counted by kind and phase, and the longest waiting.
@Index('idx_participations_status_kind_phase', ['status', 'kind', 'phase'])
@Index('idx_participations_status_updated_at', ['status', 'updatedAt'])
export class ParticipationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'business_key', type: 'text' })
  businessKey: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  forum: string;

  @Column({ name: 'coordinator_id', type: 'text' })
  coordinatorId: string;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  phase: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'closing_summary', type: 'text', nullable: true })
  closingSummary: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
  details: Record<string, any>;

  @Column({ name: 'launched_at', type: 'timestamptz' })
  launchedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
