import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';
import { migratedScratchDatabase } from '../helpers/notification-fixtures';
import { driveTo, driveToClose, roundBody } from '../helpers/round-driver';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

const run = promisify(execFile);
const REPROJECT = join(__dirname, '../../dist/infra/scripts/reproject.js');

/*
 * The read model as the worker wrote it, without what a rebuild cannot know:
 * row ids (sequences), when a row was last touched by the process (wall clock).
 */
const SNAPSHOT = {
  participations: `SELECT * FROM participations ORDER BY id`,
  tasks: `SELECT * FROM tasks ORDER BY id`,
  audit_entries: `SELECT entry_key, workflow_id, participation_id, actor_id, action, target, old_value, new_value, note, request_id, occurred_at
                    FROM audit_entries ORDER BY entry_key`,
};
const WALL_CLOCK = ['updated_at'];

async function snapshot(db: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(SNAPSHOT)) {
    const rows = await db.query<Record<string, unknown>[]>(sql);
    tables[table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !WALL_CLOCK.includes(column))));
  }
  return tables;
}

/**
 * `npm run reproject` rebuilds the projection from Temporal: participations at
 * every stage (closed, half-way, just launched) are written by the worker into a
 * database of their own, the projection tables are emptied, and the command
 * writes them again, row for row.
 */
describe('npm run reproject: the read model rebuilt from the workflows', () => {
  let db: Awaited<ReturnType<typeof migratedScratchDatabase>>;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    db = await migratedScratchDatabase();
    await seedDemoPeople(db.dataSource);
    stack = await startTestStack({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await stack?.close();
    await db?.drop();
  });

  it('empties participations, tasks and journal, and writes them again as they were', async () => {
    const prefix = `reproject-${randomUUID().slice(0, 8)}`;
    const launched = await Promise.all(
      ['closed', 'halfway', 'launched'].map(
        async (stage) =>
          (
            await stack!
              .http()
              .post('/participations')
              .send(roundBody(`${prefix}-${stage}`))
              .expect(201)
          ).body as { id: string; workflowId: string },
      ),
    );
    const [closed, halfway, justLaunched] = launched;
    await driveToClose(stack!.http, closed.id);
    await driveTo(stack!.http, halfway.id, 'mandate-approval');
    await eventually(async () => (await stack!.http().get(`/participations/${justLaunched.id}`)).status === 200 || undefined, {
      what: 'the third participation in the read model',
    });
    // Nothing moves once the worker is gone: the snapshot is the projection's last word.
    await stack!.close();
    stack = undefined;

    const before = await snapshot(db.dataSource);
    expect(before.participations).toHaveLength(3);
    expect(before.tasks.length).toBeGreaterThan(3);
    expect(before.audit_entries.length).toBeGreaterThan(10);

    await db.dataSource.query('TRUNCATE participations, tasks, audit_entries');
    expect((await snapshot(db.dataSource)).audit_entries).toHaveLength(0);

    const query = `WorkflowId IN (${launched.map((p) => `'${p.workflowId}'`).join(', ')})`;
    const reproject = () =>
      run('node', [REPROJECT, '--query', query], { env: { ...process.env, DATABASE_URL: db.url, LOG_FORMAT: 'json' } });
    const { stdout } = await reproject();
    expect(stdout).toMatch(/^reproject: 3 runs, \d+ writes, 0 without history$/m);
    expect(await snapshot(db.dataSource)).toEqual(before);

    // Again, on a full projection: nothing changes, nothing is doubled.
    await reproject();
    expect(await snapshot(db.dataSource)).toEqual(before);
  });
});
