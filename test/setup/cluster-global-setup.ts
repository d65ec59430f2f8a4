import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run test:cluster` starts its own cluster in each spec; its global set-up only
 * gives the run a folder where the specs leave their figures (test/helpers/figures.ts),
 * which the teardown prints at the end, as `npm test` does.
 */
export default function clusterGlobalSetup(): void {
  process.env.TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'cluster-run-'));
}
