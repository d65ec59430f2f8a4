import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each task row keeps the fields its deliverable must carry, so the console can ask for them. */
export class TaskRequiredFields1796064000000 implements MigrationInterface {
  name = 'TaskRequiredFields1796064000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" ADD "required_fields" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "required_fields"`);
  }
}
