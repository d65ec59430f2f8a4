import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { seedDemoPeople } from '../../libs/persistence/src/seed/demo-people';

/** `node dist/infra/scripts/seed.js`: the demo people (README), idempotent. */
async function main(): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(loadConfig().database.url, 2)).initialize();
  try {
    process.stdout.write(`[seed] ${await seedDemoPeople(dataSource)} demo people in place\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[seed] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
