import { participationApi } from './participation-api';
import { processApi } from './process-api';
import { startTestStack, type TestStack } from './test-stack';

export interface ProcessStack {
  stack: TestStack;
  /** The WTO-shaped verbs (launch, get, tasks, waitForPhase…). */
  api: ReturnType<typeof participationApi>;
  /** The steps of every kind (post, complete, event, openTasks, closed). */
  steps: ReturnType<typeof processApi>;
}

/**
 * The preamble of a process kind's e2e file: a stack of its own with these
 * durations, started before the file's tests and closed after them. Its
 * fields are set once the tests run (read them inside tests, not at load).
 */
export function onProcessStack(env: Record<string, string>): ProcessStack {
  const on = {} as ProcessStack;
  beforeAll(async () => {
    on.stack = await startTestStack(env);
    on.api = participationApi(on.stack);
    on.steps = processApi(on.stack);
  });
  afterAll(() => on.stack?.close());
  return on;
}
