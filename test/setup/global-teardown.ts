import { rmSync } from 'node:fs';
import { dropDatabase } from '../../infra/postgres/postgres-server';
import { loadState } from './test-stack-state';

/** Drops the run's database and stops what the global setup started; keeps logs only when asked. */
export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  if (!state) return;
  await state.temporal.stop();
  await dropDatabase(state.postgres.serverUrl, state.database);
  await state.postgres.stop();
  if (!process.env.KEEP_TEST_DATA) rmSync(state.workDir, { recursive: true, force: true });
}
