import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../temporal/dev-server';
import { BenchStack } from './bench-stack';
import type { BenchContext } from './context';
import { describeMachine, loadAverage } from './machine';
import { parseBenchArgs, USAGE, type BenchOptions, type ScenarioName } from './options';
import { reportMarkdown, scenarioText, type BenchReport, type ScenarioResult } from './results';
import { growthScenario } from './scenarios/growth';
import { launchScenario } from './scenarios/launch';
import { queriesScenario } from './scenarios/queries';
import { replayScenario } from './scenarios/replay';
import { roundTripScenario } from './scenarios/round-trip';
import { scaleScenario } from './scenarios/scale';

const RUNNERS: Record<ScenarioName, { title: string; run: (ctx: BenchContext) => Promise<ScenarioResult> }> = {
  queries: { title: '4. Inbox and dashboard queries', run: queriesScenario },
  launch: { title: '1. Launch throughput', run: launchScenario },
  'round-trip': { title: '2. Human-task round trip', run: roundTripScenario },
  growth: { title: '5. Growth', run: growthScenario },
  scale: { title: '3. Open participations at scale', run: scaleScenario },
  replay: { title: '6. Replay check', run: replayScenario },
};

const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * `npm run bench`: starts the stack, runs the scenarios, prints each table as
 * it ends, and writes results.json and results.md under bench-results/<run>/
 * (and bench-results/latest.*). Exits 1 only when a scenario could not run;
 * a missed target is a finding, reported in the table.
 */
async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cliPath = process.env.TEMPORAL_CLI;
  if (!cliPath) throw new Error('TEMPORAL_CLI is not set: run the bench with npm run bench');

  const startedAt = new Date();
  const runId = startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const stack = new BenchStack({
    runId,
    cliPath,
    temporalAddress: options.temporalAddress,
    logLevel: options.logLevel,
    profile: options.profile,
    keep: options.keep,
    log: say,
  });
  const stopOnSignal = () => {
    say('interrupted: stopping the stack');
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const scenarios: ScenarioResult[] = [];
  try {
    await stack.start();
    const machine = await describeMachine(cliPath, stack.client, stack.db);
    const ctx: BenchContext = { stack, options, runId, log: say };
    for (const name of options.scenarios) {
      say(`scenario ${RUNNERS[name].title} (load average ${loadAverage()})`);
      const began = performance.now();
      let result: ScenarioResult;
      try {
        result = await RUNNERS[name].run(ctx);
      } catch (err) {
        result = {
          name,
          title: RUNNERS[name].title,
          rows: [],
          notes: [],
          details: {},
          error: err instanceof Error ? err.message : String(err),
        };
      }
      result.durationS = (performance.now() - began) / 1000;
      result.notes.push(`Load average after: ${loadAverage()}.`);
      process.stdout.write(`${scenarioText(result)}\n`);
      scenarios.push(result);
    }
    machine.loadAverageEnd = loadAverage();
    const finishedAt = new Date();
    const report: BenchReport = {
      run: {
        id: runId,
        label: options.label,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
        options,
      },
      machine,
      scenarios: scenarios.sort((a, b) => a.title.localeCompare(b.title)),
    };
    const written = writeReport(options.outDir, report);
    say(`results: ${written.join(', ')} (stack logs in ${stack.workDir})`);
    return scenarios.some((s) => s.error) ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

function writeReport(outDir: string, report: BenchReport): string[] {
  const dir = resolve(repoRoot(), outDir);
  const runDir = join(dir, report.run.id);
  mkdirSync(runDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = `${reportMarkdown(report)}\n`;
  const files = [join(runDir, 'results.json'), join(runDir, 'results.md'), join(dir, 'latest.json'), join(dir, 'latest.md')];
  files.forEach((file) => writeFileSync(file, file.endsWith('.json') ? json : markdown));
  return files.slice(0, 2);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
