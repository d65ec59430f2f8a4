import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Keeps the SDK's INFO chatter (worker state changes) out of test output; warnings still show. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this Jest worker by another test file.
  }
}
