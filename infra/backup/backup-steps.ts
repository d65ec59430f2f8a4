import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a backup folder holds, in the order the backup takes them. */
export const BACKUP_FILES = { projection: 'projection.dump', temporal: 'temporal.db', manifest: 'backup.json' } as const;

/**
 * A consistent backup of a running stack on the dev-server topology, in two
 * steps whose order matters: the projection first (pg_dump: one snapshot of
 * the database), then Temporal's state (SQLite's online backup, consistent while
 * the server writes). Restored, Temporal is then at or after the projection:
 * `npm run reproject` writes what the projection lacks, and nothing the
 * workflows had not done yet can be in it. The other order would leave rows
 * (a task shown completed) that the restored workflows are still waiting for.
 */
export async function takeBackup(
  databaseUrl: string,
  temporalDbFile: string,
  outDir: string,
  /** What goes on between the two steps in a running system; a test makes it happen there. */
  meanwhile: () => Promise<void> = () => Promise.resolve(),
): Promise<{ files: string[] }> {
  if (!existsSync(temporalDbFile)) throw new Error(`no Temporal state at ${temporalDbFile} (TEMPORAL_DB_FILE)`);
  mkdirSync(outDir, { recursive: true });
  const projection = join(outDir, BACKUP_FILES.projection);
  const temporal = join(outDir, BACKUP_FILES.temporal);
  const startedAt = new Date().toISOString();
  await run('pg_dump', ['--format=custom', '--no-owner', '--file', projection, databaseUrl]);
  await meanwhile();
  await run('sqlite3', [temporalDbFile, `.backup '${temporal.replace(/'/g, "''")}'`]);
  writeFileSync(
    join(outDir, BACKUP_FILES.manifest),
    `${JSON.stringify({ startedAt, finishedAt: new Date().toISOString(), order: ['projection', 'temporal'] }, null, 2)}\n`,
  );
  return { files: [projection, temporal] };
}

/**
 * Puts a backup back: the projection into `databaseUrl` (an empty database),
 * Temporal's state at `temporalDbFile` (its server stopped). Then start the
 * stack on them and run `npm run reproject`.
 */
export async function restoreBackup(fromDir: string, databaseUrl: string, temporalDbFile: string): Promise<void> {
  for (const file of Object.values(BACKUP_FILES)) {
    if (!existsSync(join(fromDir, file))) throw new Error(`${join(fromDir, file)} is missing: not a backup folder`);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${temporalDbFile}${suffix}`))
      throw new Error(`${temporalDbFile}${suffix} exists: restore into a fresh place, its server stopped`);
  }
  await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', databaseUrl, join(fromDir, BACKUP_FILES.projection)]);
  copyFileSync(join(fromDir, BACKUP_FILES.temporal), temporalDbFile);
}
