import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Participations, their tasks and the audit journal. Generated from the entities with pendingSchemaChanges(). */
export class InitialSchema1764265200000 implements MigrationInterface {
  name = 'InitialSchema1764265200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" BIGSERIAL NOT NULL, "entry_key" text NOT NULL, "workflow_id" text NOT NULL, "participation_id" uuid NOT NULL, "actor_id" text NOT NULL, "action" text NOT NULL, "target" text NOT NULL, "old_value" jsonb, "new_value" jsonb, "note" text, "request_id" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_participation_time" ON "audit_entries" ("participation_id", "occurred_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_entries_entry_key" ON "audit_entries" ("entry_key") `);
    await queryRunner.query(
      `CREATE TABLE "participations" ("id" uuid NOT NULL, "workflow_id" text NOT NULL, "kind" text NOT NULL, "business_key" text NOT NULL, "title" text NOT NULL, "forum" text NOT NULL, "coordinator_id" text NOT NULL, "locale" text NOT NULL, "phase" text NOT NULL, "status" text NOT NULL, "outcome" text, "closing_summary" text, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, "launched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7aa63b8dcd3d6f8aef8a98bb14a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_participations_launched_at" ON "participations" ("launched_at") `);
    await queryRunner.query(`CREATE INDEX "idx_participations_coordinator" ON "participations" ("coordinator_id") `);
    await queryRunner.query(`CREATE INDEX "idx_participations_status" ON "participations" ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_participations_forum" ON "participations" ("forum") `);
    await queryRunner.query(`CREATE INDEX "idx_participations_kind_phase" ON "participations" ("kind", "phase") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_participations_workflow_id" ON "participations" ("workflow_id") `);
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL, "participation_id" uuid NOT NULL, "workflow_id" text NOT NULL, "step_key" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "instructions" text NOT NULL, "assignee_id" text, "candidate_group" text, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "priority" text NOT NULL, "status" text NOT NULL, "overdue" boolean NOT NULL DEFAULT false, "deliverable" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_tasks_participation" ON "tasks" ("participation_id") `);
    await queryRunner.query(`CREATE INDEX "idx_tasks_assignee_status_due" ON "tasks" ("assignee_id", "status", "due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tasks_workflow_step" ON "tasks" ("workflow_id", "step_key") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_tasks_workflow_step"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_assignee_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_participation"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_participations_workflow_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_kind_phase"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_forum"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_coordinator"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_launched_at"`);
    await queryRunner.query(`DROP TABLE "participations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_entries_entry_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_participation_time"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
