import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { PersonEntity } from '../../libs/persistence/src';
import { scratchDatabase } from './database';

/**
 * A database of its own, migrated: notifier tests poll the whole outbox, so
 * they must not see (or send) the rows of tests running beside them.
 */
export async function migratedScratchDatabase(): Promise<{ url: string; dataSource: DataSource; drop: () => Promise<void> }> {
  const scratch = await scratchDatabase();
  const dataSource = await new DataSource(dataSourceOptions(scratch.url, 4)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    url: scratch.url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await scratch.drop();
    },
  };
}

/** People rows with unique ids (so parallel tests never share them); e-mail `<id>@example.org`. */
export async function seedPeople(
  dataSource: DataSource,
  people: Array<Partial<PersonEntity> & { key: string }>,
): Promise<Record<string, PersonEntity>> {
  const suffix = randomUUID().slice(0, 8);
  const rows = people.map(({ key, ...person }) => {
    const id = `${key}-${suffix}`;
    return { id, displayName: key, email: `${id}@example.org`, language: 'fr', roles: ['expert'], ...person };
  });
  await dataSource.getRepository(PersonEntity).insert(rows);
  const saved = await dataSource.getRepository(PersonEntity).findBy({ id: In(rows.map((r) => r.id)) });
  return Object.fromEntries(people.map(({ key }, i) => [key, saved.find((p) => p.id === rows[i].id) as PersonEntity]));
}
