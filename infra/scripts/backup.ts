import { parseArgs } from 'node:util';
import { restoreBackup, takeBackup } from '../backup/backup-steps';
import { defaultDbFilename } from '../temporal/dev-server';

const USAGE = `npm run backup -- --out <folder>      while the stack runs
npm run backup -- --restore <folder>  into an empty DATABASE_URL and a TEMPORAL_DB_FILE not yet there,
                                      then start the stack on them and run npm run reproject
DATABASE_URL is the projection's database; TEMPORAL_DB_FILE the dev server's state
(${defaultDbFilename()} by default). docs/operations.md, "Backup and restore".`;

/** `npm run backup`: a consistent backup of the projection and of Temporal's state, or its restore. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, restore: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const databaseUrl = process.env.DATABASE_URL;
  const temporalDbFile = process.env.TEMPORAL_DB_FILE || defaultDbFilename();
  if (values.help || (!values.out && !values.restore) || !databaseUrl) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  if (values.restore) {
    await restoreBackup(values.restore, databaseUrl, temporalDbFile);
    process.stdout.write(`[backup] restored ${values.restore}; now start the stack and run npm run reproject\n`);
  } else if (values.out) {
    const { files } = await takeBackup(databaseUrl, temporalDbFile, values.out);
    process.stdout.write(`[backup] written: ${files.join(', ')}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[backup] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
