import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RequiredFields } from '../../../contracts/src/participation/task';

/**
 * "The task still waits for someone", as SQL on `tasks` (aliased or not).
 * Queries say it word for word so that PostgreSQL uses the partial index `idx_tasks_open`.
 */
export function openTaskCondition(alias?: string): string {
  return `${alias ? `${alias}.` : ''}"status" IN ('open', 'claimed')`;
}

/** A human task opened by a workflow. The workflow is the authority: the row changes only through its activities. */
@Entity({ name: 'tasks' })
@Index('uq_tasks_workflow_step', ['workflowId', 'stepKey'], { unique: true })
@Index('idx_tasks_assignee_status_due', ['assigneeId', 'status', 'dueAt'])
@Index('idx_tasks_participation', ['participationId'])
@Index('idx_tasks_group_status_due', ['candidateGroup', 'status', 'dueAt'])
// Open tasks are a small part of all tasks: supervisors' counts (open, overdue, by forum, due dates) read only them.
@Index('idx_tasks_open', ['participationId', 'overdue', 'dueAt'], { where: openTaskCondition() })
// A person's inbox: their open tasks by due date, read from the index in page order (the first page stops after 50) and counted from it alone.
@Index('idx_tasks_inbox', ['assigneeId', 'dueAt', 'id'], { where: openTaskCondition() })
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'participation_id', type: 'uuid' })
  participationId: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ name: 'step_key', type: 'text' })
  stepKey: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  instructions: string;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'candidate_group', type: 'text', nullable: true })
  candidateGroup: string | null;

  /** The absent person the task was meant for, when it went to their delegate instead. */
  @Column({ name: 'delegated_from', type: 'text', nullable: true })
  delegatedFrom: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  priority: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  /** Fields the deliverable must carry, with their accepted values (empty: any text); `{}` when none or opened before it was kept. */
  @Column({ name: 'required_fields', type: 'jsonb', default: () => "'{}'" })
  requiredFields: RequiredFields;

  @Column({ type: 'jsonb', nullable: true })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON
  deliverable: Record<string, any> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
