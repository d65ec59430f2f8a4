import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An Idempotency-Key of a launch, kept once its launch started: a key names
 * one request, so the same key with another body (another business key
 * included, which Temporal alone would take as another participation) is
 * refused. Written in the transaction that starts the workflow: a launch that
 * fails leaves no key behind.
 */
@Entity({ name: 'launch_keys' })
export class LaunchKeyEntity {
  /** `<caller id>/<Idempotency-Key>`: a key is its caller's own. */
  @PrimaryColumn({ name: 'key', type: 'text' })
  key: string;

  /** SHA-256 of the launch body, its keys sorted. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
