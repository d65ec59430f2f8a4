import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../test/helpers/database';
import { dataSourceOptions } from '../../../libs/persistence/src/data-source-options';
import { seedQueriesData, TASKS_PER_PARTICIPATION } from './queries-seed';

/**
 * The bench seeds its 100,000 tasks with raw SQL, which the schema can outgrow
 * (a new NOT NULL column once broke the whole scenario). Seeded small here, on
 * every migration, so that the suite notices first.
 */
describe('bench queries seed', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: Client;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    const migrator = await new DataSource(dataSourceOptions(scratch.url, 1)).initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    db = new Client({ connectionString: scratch.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await scratch?.drop();
  });

  it('fills the current schema: every task in a participation, some open work overdue, the busiest expert first', async () => {
    await seedQueriesData(db, 500, 20);
    const { rows } = await db.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM participations)::int AS participations,
             (SELECT count(*) FROM tasks)::int AS tasks,
             (SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM participations p WHERE p.id = t.participation_id))::int AS orphans,
             (SELECT count(*) FROM tasks WHERE overdue)::int AS overdue,
             (SELECT count(*) FROM tasks WHERE assignee_id = 'expert-0000')::int AS busiest,
             (SELECT max(n) FROM (SELECT count(*) AS n FROM tasks GROUP BY assignee_id) AS per)::int AS most`);
    expect(rows[0]).toMatchObject({ participations: 500 / TASKS_PER_PARTICIPATION, tasks: 500, orphans: 0 });
    expect(rows[0].overdue).toBeGreaterThan(0);
    expect(rows[0].busiest).toBe(rows[0].most);
  });

  it('puts every assignee and coordinator in the directory, active, or the API would refuse them (403)', async () => {
    const { rows } = await db.query<{ missing: number; experts: number }>(`
      SELECT (SELECT count(*) FROM (SELECT assignee_id AS id FROM tasks UNION SELECT coordinator_id FROM participations) AS named
               WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = named.id AND p.active))::int AS missing,
             (SELECT count(*) FROM people WHERE 'expert' = ANY(roles))::int AS experts`);
    expect(rows[0]).toEqual({ missing: 0, experts: 20 });
  });
});
