import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The DataSource the TypeORM CLI and the migration scripts use, from DATABASE_URL. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/participations'));
