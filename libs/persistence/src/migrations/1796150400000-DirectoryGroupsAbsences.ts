import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory as data: candidate groups, people's absences with their
 * delegate, the directory's own journal, and the absent person a task was
 * delegated from. Generated from the entities with pendingSchemaChanges(); the
 * groups people already name are carried over (their names are their codes
 * until an admin renames them).
 */
export class DirectoryGroupsAbsences1796150400000 implements MigrationInterface {
  name = 'DirectoryGroupsAbsences1796150400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "groups" ("code" text NOT NULL, "name_fr" text NOT NULL, "name_en" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8989cafa0945a366f0c8716e609" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "absences" ("person_id" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delegate_id" text NOT NULL, "note" text, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31029d63a6db05d3deaae7957cc" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_absences_delegate" ON "absences" ("delegate_id") `);
    await queryRunner.query(
      `CREATE TABLE "directory_changes" ("id" BIGSERIAL NOT NULL, "actor_id" text NOT NULL, "action" text NOT NULL, "target" text NOT NULL, "old_value" jsonb, "new_value" jsonb, "request_id" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4429abc8a47ed80f1fa26d2def4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_directory_changes_time" ON "directory_changes" ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_directory_changes_target_time" ON "directory_changes" ("target", "occurred_at") `);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "delegated_from" text`);
    await queryRunner.query(
      `INSERT INTO "groups" ("code", "name_fr", "name_en") SELECT DISTINCT g, g, g FROM "people", unnest("groups") AS g ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "delegated_from"`);
    await queryRunner.query(`DROP INDEX "public"."idx_directory_changes_target_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_directory_changes_time"`);
    await queryRunner.query(`DROP TABLE "directory_changes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_absences_delegate"`);
    await queryRunner.query(`DROP TABLE "absences"`);
    await queryRunner.query(`DROP TABLE "groups"`);
  }
}
