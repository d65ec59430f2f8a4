import type { INestApplicationContext } from '@nestjs/common';

/**
 * Closes the application on SIGINT or SIGTERM (shutdown hooks run: the worker
 * drains, connections close) and exits 0, or 1 if closing failed. The same
 * signal again while closing forces the exit. The other signal does not: Ctrl-C
 * in a terminal sends SIGINT to the whole process group, and the parent that
 * started this process (npm run up, a supervisor) then asks it to stop with
 * SIGTERM: one request to drain, not an order to give up draining.
 */
export function closeOnSignals(app: INestApplicationContext, log: (message: string) => void): void {
  let closing: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing === signal) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    if (closing) {
      log(`${signal} while shutting down after ${closing}: still draining`);
      return;
    }
    closing = signal;
    log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
