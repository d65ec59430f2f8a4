import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the supervisors' dashboard at 100,000 tasks: without them each
 * of its queries scans a whole table (npm run bench, scenario 4, prints the plans).
 */
export class DashboardIndexes1764268800000 implements MigrationInterface {
  name = 'DashboardIndexes1764268800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_participations_status_updated_at" ON "participations" ("status", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "idx_participations_status_kind_phase" ON "participations" ("status", "kind", "phase") `);
    await queryRunner.query(`CREATE INDEX "idx_tasks_overdue_status_participation" ON "tasks" ("overdue", "status", "participation_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_overdue_status_participation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_status_kind_phase"`);
    await queryRunner.query(`DROP INDEX "public"."idx_participations_status_updated_at"`);
  }
}
