import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Ports where a test may serve the console to a browser. The identity
 * provider only sends people back to addresses it registered (exactly, as
 * OpenID Connect requires), so the global setup reserves a few loopback ports
 * and registers them; a test stack that listens claims one with a lock file
 * in the run's folder, so two test files never take the same.
 */
export const BROWSER_PORT_COUNT = 4;

export function browserPorts(): number[] {
  const ports = (process.env.BROWSER_TEST_PORTS ?? '').split(',').filter(Boolean).map(Number);
  if (ports.length === 0) throw new Error('BROWSER_TEST_PORTS is not set: run the tests through jest (npm test)');
  return ports;
}

/** Claims a free browser port; `release` gives it back. */
export function claimBrowserPort(): { port: number; release: () => void } {
  for (const port of browserPorts()) {
    const lock = join(process.env.TEST_RUN_DIR ?? '.', `browser-port-${port}.lock`);
    try {
      closeSync(openSync(lock, 'wx'));
      return { port, release: () => rmSync(lock, { force: true }) };
    } catch {
      // Taken by another test file: try the next.
    }
  }
  throw new Error(`all ${BROWSER_PORT_COUNT} browser ports are taken: more test files listen at once than the setup reserved`);
}
