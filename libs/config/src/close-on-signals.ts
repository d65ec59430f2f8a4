import type { INestApplicationContext } from '@nestjs/common';

/**
 * Closes the application on SIGINT or SIGTERM (shutdown hooks run: the worker
 * drains, connections close) and exits 0, or 1 if closing failed. A second
 * signal while closing forces the exit.
 */
export function closeOnSignals(app: INestApplicationContext, log: (message: string) => void): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
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
