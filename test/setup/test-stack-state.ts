import type { IdentityProcess } from '../../infra/identity/identity-process';
import type { PostgresServer } from '../../infra/postgres/postgres-server';
import type { RunningDevServer } from '../../infra/temporal/dev-server';

/** What the global setup started, handed to the global teardown through globalThis (same process). */
export interface TestStackState {
  temporal: RunningDevServer;
  postgres: PostgresServer;
  identity: IdentityProcess;
  database: string;
  workDir: string;
}

const KEY = '__participationTestStack__';

export function saveState(state: TestStackState): void {
  (globalThis as Record<string, unknown>)[KEY] = state;
}

export function loadState(): TestStackState | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as TestStackState | undefined;
}
