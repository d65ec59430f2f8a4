import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../../test/helpers/database';
import { dataSourceOptions } from '../data-source-options';
import { pendingSchemaChanges } from '../schema-diff';

describe('migrations', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    dataSource = await new DataSource(dataSourceOptions(scratch.url, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('build exactly the schema the entities describe, and come back down cleanly', async () => {
    expect((await pendingSchemaChanges(dataSource)).up.length).toBeGreaterThan(0);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });

    while ((await dataSource.query(`SELECT count(*)::int AS n FROM schema_migrations`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    expect(tables).toEqual([]);
  });
});
