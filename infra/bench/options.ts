import { parseArgs } from 'node:util';
import { BENCH_CONFIGS, CLUSTER_SCENARIOS, type BenchConfig } from './temporal-target';

export const SCENARIOS = ['queries', 'launch', 'round-trip', 'growth', 'scale', 'replay'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What one `npm run bench` does; every size and concurrency can be given on the command line. */
export interface BenchOptions {
  scenarios: ScenarioName[];
  /** The Temporal configurations measured, one after the other: the dev server, the production cluster, or both. */
  configs: BenchConfig[];
  launch: { size: number; concurrency: number };
  /**
   * `size` is the round trips each simulated expert chain makes, at each
   * concurrency; a concurrency with fewer chains makes longer ones, up to
   * `samples` round trips in all (a p99 over 10 samples is their maximum).
   */
  roundTrip: { size: number; samples: number; concurrencies: number[] };
  scale: { size: number; concurrency: number; timerSeconds: number };
  queries: { tasks: number; experts: number; samples: number };
  /** Open participations reached before each probe, and the probe run at each level. */
  growth: { sizes: number[]; concurrency: number; probeLaunches: number; probeRoundTrips: number };
  /** Participation histories replayed at the end against the bundle the worker ran. */
  replay: { sample: number };
  /** host:port of a Temporal server to reuse instead of starting a fresh one. */
  temporalAddress?: string;
  outDir: string;
  label?: string;
  keep: boolean;
  profile: boolean;
  logLevel: string;
  help: boolean;
}

/*
 * Sized so that the whole run ends within 10 minutes on the 2-core machine
 * while other work shares it. The full sizes (10,000 open at once,
 * growth to 20,000) are one command away: see the README's Performance section.
 */
export const DEFAULTS: BenchOptions = {
  scenarios: [...SCENARIOS],
  configs: ['dev'],
  launch: { size: 200, concurrency: 20 },
  roundTrip: { size: 10, samples: 100, concurrencies: [1, 10, 50] },
  scale: { size: 500, concurrency: 50, timerSeconds: 30 },
  queries: { tasks: 100_000, experts: 1_000, samples: 1_000 },
  growth: { sizes: [300, 600, 900], concurrency: 50, probeLaunches: 100, probeRoundTrips: 5 },
  replay: { sample: 100 },
  outDir: 'bench-results',
  keep: false,
  profile: false,
  logLevel: 'info',
  help: false,
};

export const USAGE = `npm run bench -- [options]

Scenarios (all by default, in this order): --scenarios ${SCENARIOS.join(',')}
  --launch-size N              participations launched over HTTP, and as many bare starts (${DEFAULTS.launch.size})
  --launch-concurrency N       requests in flight (${DEFAULTS.launch.concurrency})
  --round-trip-size N          task completions per simulated expert chain (${DEFAULTS.roundTrip.size})
  --round-trip-samples N       at least this many completions at each concurrency: fewer chains make longer ones (${DEFAULTS.roundTrip.samples})
  --round-trip-concurrency L   chains at once, one run per value (${DEFAULTS.roundTrip.concurrencies.join(',')})
  --scale-size N               participations open at once (${DEFAULTS.scale.size})
  --scale-concurrency N        launches in flight (${DEFAULTS.scale.concurrency})
  --scale-timer S              seconds before each one's escalation timer fires (${DEFAULTS.scale.timerSeconds})
  --queries-tasks N            task rows seeded for the inbox and dashboard queries (${DEFAULTS.queries.tasks})
  --queries-experts N          experts they are spread over (${DEFAULTS.queries.experts})
  --queries-samples N          timed executions of each query (${DEFAULTS.queries.samples})
  --growth-sizes L             open participations before each probe (${DEFAULTS.growth.sizes.join(',')})
  --growth-concurrency N       launches in flight while filling and probing (${DEFAULTS.growth.concurrency})
  --growth-probe-launches N    launches measured at each level (${DEFAULTS.growth.probeLaunches})
  --growth-probe-round-trips N completions per chain (10 chains) measured at each level (${DEFAULTS.growth.probeRoundTrips})
  --replay-sample N            participation histories replayed against the built bundle at the end (${DEFAULTS.replay.sample})
Stack:
  --config dev|cluster|both    the Temporal to measure on (${DEFAULTS.configs.join(',')}): the dev server; the production cluster
                               (frontend, history, matching, worker processes on PostgreSQL; npm run build:cluster),
                               ${CLUSTER_SCENARIOS.join(' and ')} only; or both, one after the other, printed side by side
  --temporal-address H:P       reuse this Temporal dev server (e.g. the one of npm run up) instead of a fresh one
  --log-level L                LOG_LEVEL of the API and worker processes (${DEFAULTS.logLevel})
  --profile                    run the API and worker with node --cpu-prof (profiles in the run's folder)
  --keep                       keep the bench database and the Temporal state (the cluster's databases) after the run
Output:
  --out DIR                    results folder (${DEFAULTS.outDir}); each run writes DIR/<run>/results.{json,md}
  --label TEXT                 a note stored with the results (e.g. "before pool change")
Sizes take 2000, 2k or 1.5k.`;

/** Parses the command line over the defaults; throws with a readable message on a bad value. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      scenarios: { type: 'string' },
      config: { type: 'string' },
      'launch-size': { type: 'string' },
      'launch-concurrency': { type: 'string' },
      'round-trip-size': { type: 'string' },
      'round-trip-samples': { type: 'string' },
      'round-trip-concurrency': { type: 'string' },
      'scale-size': { type: 'string' },
      'scale-concurrency': { type: 'string' },
      'scale-timer': { type: 'string' },
      'queries-tasks': { type: 'string' },
      'queries-experts': { type: 'string' },
      'queries-samples': { type: 'string' },
      'growth-sizes': { type: 'string' },
      'growth-concurrency': { type: 'string' },
      'growth-probe-launches': { type: 'string' },
      'growth-probe-round-trips': { type: 'string' },
      'replay-sample': { type: 'string' },
      'temporal-address': { type: 'string' },
      'log-level': { type: 'string' },
      out: { type: 'string' },
      label: { type: 'string' },
      keep: { type: 'boolean' },
      profile: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const count = (name: keyof typeof values, fallback: number) =>
    values[name] === undefined ? fallback : parseCount(String(values[name]), `--${name}`);
  const list = (name: keyof typeof values, fallback: number[]) =>
    values[name] === undefined ? fallback : parseCountList(String(values[name]), `--${name}`);

  const temporalAddress = values['temporal-address'];
  if (temporalAddress !== undefined && !/^[^\s:]+:\d+$/.test(temporalAddress)) {
    throw new Error(`--temporal-address must be host:port, got "${temporalAddress}"`);
  }
  const configs = values.config === undefined ? DEFAULTS.configs : parseConfigs(values.config);
  let scenarios = values.scenarios === undefined ? DEFAULTS.scenarios : parseScenarios(values.scenarios);
  if (!configs.includes('dev')) {
    const elsewhere = scenarios.filter((name) => !(CLUSTER_SCENARIOS as readonly string[]).includes(name));
    if (values.scenarios !== undefined && elsewhere.length > 0) {
      throw new Error(
        `--config cluster runs ${CLUSTER_SCENARIOS.join(', ')} only; ${elsewhere.join(', ')} run on the dev server only (--config dev or both)`,
      );
    }
    scenarios = scenarios.filter((name) => !elsewhere.includes(name));
  }
  if (temporalAddress !== undefined && !configs.includes('dev'))
    throw new Error('--temporal-address names a dev server: use it with --config dev or both');
  return {
    scenarios,
    configs,
    launch: { size: count('launch-size', DEFAULTS.launch.size), concurrency: count('launch-concurrency', DEFAULTS.launch.concurrency) },
    roundTrip: {
      size: count('round-trip-size', DEFAULTS.roundTrip.size),
      samples: count('round-trip-samples', DEFAULTS.roundTrip.samples),
      concurrencies: list('round-trip-concurrency', DEFAULTS.roundTrip.concurrencies),
    },
    scale: {
      size: count('scale-size', DEFAULTS.scale.size),
      concurrency: count('scale-concurrency', DEFAULTS.scale.concurrency),
      timerSeconds: count('scale-timer', DEFAULTS.scale.timerSeconds),
    },
    queries: {
      tasks: count('queries-tasks', DEFAULTS.queries.tasks),
      experts: count('queries-experts', DEFAULTS.queries.experts),
      samples: count('queries-samples', DEFAULTS.queries.samples),
    },
    growth: {
      sizes: ascending(list('growth-sizes', DEFAULTS.growth.sizes), '--growth-sizes'),
      concurrency: count('growth-concurrency', DEFAULTS.growth.concurrency),
      probeLaunches: count('growth-probe-launches', DEFAULTS.growth.probeLaunches),
      probeRoundTrips: count('growth-probe-round-trips', DEFAULTS.growth.probeRoundTrips),
    },
    replay: { sample: count('replay-sample', DEFAULTS.replay.sample) },
    temporalAddress,
    outDir: values.out ?? DEFAULTS.outDir,
    label: values.label,
    keep: values.keep ?? false,
    profile: values.profile ?? false,
    logLevel: values['log-level'] ?? DEFAULTS.logLevel,
    help: values.help ?? false,
  };
}

/** `2000`, `2k`, `1.5k`, `1m`: a positive whole number. */
export function parseCount(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  const value = match ? Number(match[1]) * { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as '' | 'k' | 'm'] : NaN;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive whole number (2000, 2k), got "${text}"`);
  return value;
}

function parseCountList(text: string, flag: string): number[] {
  const values = text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => parseCount(part, flag));
  if (values.length === 0) throw new Error(`${flag} needs at least one value`);
  return values;
}

function ascending(values: number[], flag: string): number[] {
  if (values.some((value, i) => i > 0 && value <= values[i - 1])) throw new Error(`${flag} must be increasing, got ${values.join(',')}`);
  return values;
}

function parseScenarios(text: string): ScenarioName[] {
  const wanted = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(`--scenarios takes ${SCENARIOS.join(', ')}; unknown: ${unknown.join(', ') || '(none given)'}`);
  }
  // Always in the canonical order: later scenarios run with the earlier ones' participations still open.
  return SCENARIOS.filter((name) => wanted.includes(name));
}

function parseConfigs(text: string): BenchConfig[] {
  if (text === 'both') return [...BENCH_CONFIGS];
  if ((BENCH_CONFIGS as readonly string[]).includes(text)) return [text as BenchConfig];
  throw new Error(`--config takes ${BENCH_CONFIGS.join(', ')} or both, got "${text}"`);
}
