import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../temporal/dev-server';
import { BenchStack } from './bench-stack';
import type { BenchContext } from './context';
import { describeMachine, loadAverage, type MachineFacts } from './machine';
import { parseBenchArgs, USAGE, type BenchOptions, type ScenarioName } from './options';
import { writeReport } from './report';
import { scenarioText, type BenchReport, type ScenarioResult } from './results';
import { sideBySide, sideBySideText } from './side-by-side';
import { CLUSTER_SCENARIOS, type BenchConfig } from './temporal-target';
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
 * `npm run bench`: for each configuration asked (the dev server, the cluster),
 * starts the stack, runs the scenarios, prints each table as it ends, stops the
 * stack; with both, prints the scenarios they share side by side. Writes
 * results.json and results.md under bench-results/<run>/ (and
 * bench-results/latest.*). Exits 1 only when a scenario could not run; a missed
 * target is a finding, reported in the table.
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
  let current: BenchStack | undefined;
  const stopOnSignal = () => {
    say('interrupted: stopping the stack');
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const scenarios: ScenarioResult[] = [];
  const servers: Partial<Record<BenchConfig, string>> = {};
  let machine: MachineFacts | undefined;
  // One configuration after the other, never at once: they would share the two cores.
  for (const config of options.configs) {
    // Each configuration has its own task queues, database and folder: .data/bench/<run>, .data/bench/<run>-cluster.
    const stackRunId = config === 'dev' ? runId : `${runId}-${config}`;
    const stack = new BenchStack({
      runId: stackRunId,
      cliPath,
      config,
      temporalAddress: config === 'dev' ? options.temporalAddress : undefined,
      logLevel: options.logLevel,
      profile: options.profile,
      keep: options.keep,
      log: say,
    });
    current = stack;
    try {
      await stack.start();
      machine ??= await describeMachine(cliPath, stack.client, stack.db);
      servers[config] = (await stack.client.workflowService.getSystemInfo({}).catch(() => undefined))?.serverVersion ?? 'unknown';
      const ctx: BenchContext = { stack, options, runId: stackRunId, log: say };
      const names = config === 'cluster' ? options.scenarios.filter((name) => isClusterScenario(name)) : options.scenarios;
      for (const name of names) scenarios.push(await runScenario(ctx, name, config));
    } finally {
      await stack.stop();
      current = undefined;
    }
  }
  if (!machine) throw new Error('no configuration ran');
  if (options.configs.length > 1) for (const table of sideBySide(scenarios)) process.stdout.write(`${sideBySideText(table)}\n`);
  machine.temporalServer = servers.dev ?? 'not measured';
  machine.clusterServer = servers.cluster;
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
  say(`results: ${written.join(', ')} (stack logs in ${join(repoRoot(), '.data', 'bench')}/${runId}*)`);
  return scenarios.some((s) => s.error) ? 1 : 0;
}

/** Runs one scenario and prints its table as it ends; a scenario that throws is reported, not fatal. */
async function runScenario(ctx: BenchContext, name: ScenarioName, config: BenchConfig): Promise<ScenarioResult> {
  const { title, run } = RUNNERS[name];
  say(`scenario ${title}${config === 'dev' ? '' : ` (${config})`} (load average ${loadAverage()})`);
  const began = performance.now();
  let result: ScenarioResult;
  try {
    result = await run(ctx);
  } catch (err) {
    result = { name, title, rows: [], notes: [], details: {}, error: err instanceof Error ? err.message : String(err) };
  }
  result.config = config;
  result.durationS = (performance.now() - began) / 1000;
  result.notes.push(`Load average after: ${loadAverage()}.`);
  process.stdout.write(`${scenarioText(result)}\n`);
  return result;
}

function isClusterScenario(name: ScenarioName): boolean {
  return (CLUSTER_SCENARIOS as readonly string[]).includes(name);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
