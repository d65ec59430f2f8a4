import { rmSync } from 'node:fs';
import { summaryLines } from '../helpers/figures';

/** Prints the cluster run's figures (the `faults (cluster):` line) and removes its folder. */
export default function clusterGlobalTeardown(): void {
  const runDir = process.env.TEST_RUN_DIR;
  if (!runDir) return;
  const figures = summaryLines(runDir);
  if (figures.length > 0) process.stderr.write(`\n${figures.join('\n')}\n`);
  if (!process.env.KEEP_TEST_DATA) rmSync(runDir, { recursive: true, force: true });
}
