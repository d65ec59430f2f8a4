import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The figures the reliability and security suites end with. Each test file
 * adds its counts to the run's tally (files under TEST_RUN_DIR, since Jest runs
 * files in separate processes); the global teardown prints one line per suite,
 * at the very end of `npm test` (and of `npm run test:cluster`, test/setup/cluster-global-setup.ts).
 */

const n = (value?: number) => value ?? 0;
const FORMATS = {
  faults: (f: Figures) =>
    `faults: ${n(f.injected)} injected, ${n(f.workflows)} workflows, ${n(f.lost)} lost, ${n(f.duplicated)} duplicated rows`,
  // The same counts from the cluster test (npm run test:cluster), the production topology's faults.
  clusterFaults: (f: Figures) =>
    `faults (cluster): ${n(f.injected)} injected, ${n(f.workflows)} workflows, ${n(f.lost)} lost, ${n(f.duplicated)} duplicated rows`,
  fuzz: (f: Figures) =>
    `fuzz: ${n(f.requests)} requests, ${n(f.serverErrors)} server errors, ${n(f.workflowInputs)} workflow inputs, ${n(f.spinning)} spinning`,
  access: (f: Figures) =>
    `access: ${n(f.endpoints)} endpoints x ${n(f.callers)} callers, ${n(f.answers)} answers, ${n(f.unexpected)} unexpected`,
} as const;

export type Suite = keyof typeof FORMATS;
type Figures = Record<string, number>;

export function recordFigures(suite: Suite, figures: Figures): void {
  const runDir = process.env.TEST_RUN_DIR;
  if (!runDir) throw new Error('TEST_RUN_DIR is not set: run the tests through jest (npm test)');
  mkdirSync(join(runDir, 'figures'), { recursive: true });
  appendFileSync(join(runDir, 'figures', `${suite}.jsonl`), `${JSON.stringify(figures)}\n`);
}

/** One line per suite that ran, its counts summed over its files. */
export function summaryLines(runDir: string): string[] {
  return (Object.keys(FORMATS) as Suite[]).flatMap((suite) => {
    const file = join(runDir, 'figures', `${suite}.jsonl`);
    if (!existsSync(file)) return [];
    const total: Figures = {};
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      for (const [key, value] of Object.entries(JSON.parse(line) as Figures)) total[key] = (total[key] ?? 0) + value;
    }
    return [FORMATS[suite](total)];
  });
}
