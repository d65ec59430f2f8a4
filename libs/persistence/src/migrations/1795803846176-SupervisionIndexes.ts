import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What supervisors' views need at 100,000 tasks: when each participation
 * entered its phase ("waiting longest"), and partial indexes over the active
 * participations and the open tasks only. Generated from the entities with
 * pendingSchemaChanges(); the new column is backfilled from the audit journal
 * before it becomes NOT NULL, so that existing rows keep their true dates.
 */
export class SupervisionIndexes1795803846176 implements MigrationInterface {
  name = 'SupervisionIndexes1795803846176';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participations" ADD "phase_entered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "participations" p SET "phase_entered_at" = COALESCE((SELECT max(a."occurred_at") FROM "audit_entries" a WHERE a."participation_id" = p."id" AND a."action" = 'participation.phase'), p."launched_at")`,
    );
    await queryRunner.query(`ALTER TABLE "participations" ALTER COLUMN "phase_entered_at" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_participations_active_phase_entered" ON "participations" ("phase_entered_at") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_tasks_open" ON "tasks" ("participation_id", "overdue", "due_at") WHERE "status" IN ('open', 'claimed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_open"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_active_phase_entered"`);
    await queryRunner.query(`ALTER TABLE "participations" DROP COLUMN "phase_entered_at"`);
  }
}
