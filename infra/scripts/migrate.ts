import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';

/**
 * `node dist/infra/scripts/migrate.js run|revert|show`: applies, reverts the
 * last, or lists the migrations on DATABASE_URL. Migrations are an explicit
 * step of starting the stack, never a side effect of booting the API.
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.database.url, 2));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      say(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema up to date');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      say('reverted the last migration');
    } else if (command === 'show') {
      const pending = await dataSource.showMigrations();
      say(pending ? 'migrations pending' : 'schema up to date');
    } else {
      throw new Error(`unknown command "${command}": use run, revert or show`);
    }
  } finally {
    await dataSource.destroy();
  }
}

function say(message: string): void {
  process.stdout.write(`[migrations] ${message}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[migrations] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
