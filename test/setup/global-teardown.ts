import { rmSync } from 'node:fs';
import { dropDatabase } from '../../infra/postgres/postgres-server';
import { summaryLines } from '../helpers/figures';
import { loadState } from './test-stack-state';

/** Drops the run's database and stops what the global setup started; keeps logs only when asked. */
export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  if (!state) return;
  const figures = summaryLines(state.workDir);
  if (figures.length > 0) process.stderr.write(`\n${figures.join('\n')}\n`);
  await state.identity.stop();
  await state.temporal.stop();
  await dropDatabase(state.postgres.serverUrl, state.database);
  await state.postgres.stop();
  if (!process.env.KEEP_TEST_DATA) rmSync(state.workDir, { recursive: true, force: true });
}
