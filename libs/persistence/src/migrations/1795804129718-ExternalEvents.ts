import type { MigrationInterface, QueryRunner } from 'typeorm';

/** External events received by POST /events, one row per event id. Generated from the entities with pendingSchemaChanges(). */
export class ExternalEvents1795804129718 implements MigrationInterface {
  name = 'ExternalEvents1795804129718';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "external_events" ("event_id" text NOT NULL, "type" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, "routed_to" jsonb NOT NULL DEFAULT '[]', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92af4b4dc4f71ea93c921c2b80f" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_external_events_type_received" ON "external_events" ("type", "received_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_external_events_type_received"`);
    await queryRunner.query(`DROP TABLE "external_events"`);
  }
}
