import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every committed change to a person on the `people_changes` channel
 * (the person's id; `*` for a TRUNCATE), whoever makes it: the API, a script,
 * an administrator in psql. The API keeps the people it authenticates in
 * memory and forgets one as soon as this names them (apps/api/src/auth/caller-directory.ts).
 */
export class PeopleChanges1796520000000 implements MigrationInterface {
  name = 'PeopleChanges1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION announce_person_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('people_changes', '*');
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('people_changes', OLD.id);
        ELSE
          PERFORM pg_notify('people_changes', NEW.id);
          -- A renamed id: the old one is gone too.
          IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN PERFORM pg_notify('people_changes', OLD.id); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER people_changes AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION announce_person_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER people_truncated AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION announce_person_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER people_truncated ON people`);
    await queryRunner.query(`DROP TRIGGER people_changes ON people`);
    await queryRunner.query(`DROP FUNCTION announce_person_change()`);
  }
}
