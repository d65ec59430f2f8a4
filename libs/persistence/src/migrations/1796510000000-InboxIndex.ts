import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's open tasks in due-date order (task.entity.ts): the inbox's page
 * reads its first rows and stops, and its total is counted from the index
 * alone, where `idx_tasks_assignee_status_due` (two statuses, two ranges) made
 * PostgreSQL fetch and sort every open task of the person.
 */
export class InboxIndex1796510000000 implements MigrationInterface {
  name = 'InboxIndex1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_tasks_inbox" ON "tasks" ("assignee_id", "due_at", "id") WHERE "status" IN ('open', 'claimed')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_tasks_inbox"`);
  }
}
