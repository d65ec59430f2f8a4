import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { BenchStack } from '../bench/bench-stack';
import { describeMachine } from '../bench/machine';
import { repoRoot } from '../temporal/dev-server';
import { journey, type Tally } from './journey';
import { sample } from './sampler';
import { BOUNDS, judge, type Sample } from './verdict';

const USAGE = `npm run soak -- [options]
  --minutes N          how long the load runs (30)
  --concurrency N      journeys at once (4)
  --warm-up N          minutes not judged at the start (3, or a fifth of a shorter run)
  --sample-seconds N   seconds between samples (15)
Runs mixed load (launches, events, hand-overs, inbox, dashboard and list reads,
closings) against its own stack, samples every process, and exits 1 on any
failed operation or growth beyond the bounds (docs/performance.md, Soak).`;

const say = (message: string) => process.stderr.write(`[soak] ${message}\n`);
const mib = (bytes: number | undefined) => (bytes === undefined ? '?' : `${Math.round(bytes / 1024 / 1024)}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      concurrency: { type: 'string', default: '4' },
      'warm-up': { type: 'string' },
      'sample-seconds': { type: 'string', default: '15' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const minutes = positive(values.minutes, '--minutes');
  const concurrency = Math.round(positive(values.concurrency, '--concurrency'));
  const warmUp = values['warm-up'] === undefined ? Math.min(3, minutes / 5) : positive(values['warm-up'], '--warm-up', true);
  const sampleMs = positive(values['sample-seconds'], '--sample-seconds') * 1000;
  const cliPath = process.env.TEMPORAL_CLI;
  if (!cliPath) throw new Error('TEMPORAL_CLI is not set: run the soak with npm run soak');

  const runId = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const vitalsDir = mkdtempSync(join(tmpdir(), 'soak-vitals-'));
  const reporter = join(__dirname, 'vitals-reporter.js');
  const stack = new BenchStack({
    runId: `soak-${runId}`,
    cliPath,
    logLevel: 'warn',
    profile: false,
    keep: false,
    log: say,
    childEnv: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${reporter}`.trim(),
      SOAK_VITALS_DIR: vitalsDir,
      SOAK_VITALS_INTERVAL_MS: String(Math.min(sampleMs, 5_000)),
    },
  });
  const tally: Tally = { operations: 0, journeys: 0, errors: 0, errorSamples: [] };
  try {
    await stack.start();
    const machine = await describeMachine(cliPath, stack.client, stack.db);
    const startedAt = Date.now();
    const warmUntil = startedAt + warmUp * 60_000;
    const endAt = startedAt + minutes * 60_000;
    say(`${minutes} min of load, ${concurrency} journeys at once, judged after ${warmUp} min of warm-up`);
    const samples: Sample[] = [];
    let started = 0;
    const loops = Array.from({ length: concurrency }, async () => {
      while (Date.now() < endAt) {
        try {
          await journey(stack, runId, (started += 1), tally);
        } catch (err) {
          tally.errors += 1;
          if (tally.errorSamples.length < 5) tally.errorSamples.push(err instanceof Error ? err.message : String(err));
        }
      }
    });
    const sampling = (async () => {
      let shown = 0;
      while (Date.now() < endAt) {
        await delay(sampleMs);
        const now = await sample(stack, vitalsDir);
        if (now.at >= warmUntil) samples.push(now);
        if (now.at - shown >= 60_000 || now.at >= endAt) {
          shown = now.at;
          const rss = Object.entries(now.processes).map(([name, p]) => `${name} ${mib(p.rssBytes)}`);
          say(
            `${((now.at - startedAt) / 60_000).toFixed(1)}/${minutes} min: ${tally.operations} operations, ${tally.journeys} journeys, ` +
              `${tally.errors} errors; RSS MiB ${rss.join(', ')}`,
          );
        }
      }
    })();
    await Promise.all([...loops, sampling]);
    // Each process's reporter writes once more after the load stops: the last sample is the end state.
    await delay(Math.min(sampleMs, 5_000) + 500);
    samples.push(await sample(stack, vitalsDir));
    const verdict = judge(samples, tally.errors);
    const actualMinutes = (Date.now() - startedAt) / 60_000;
    const rssText = Object.entries(verdict.rss)
      .map(([name, { warm, end }]) => `${name} ${mib(warm)}→${mib(end)} MiB`)
      .join(', ');
    for (const sampleText of tally.errorSamples) say(`error: ${sampleText}`);
    for (const breach of verdict.breaches) say(`breach: ${breach}`);
    const outDir = resolve(repoRoot(), 'bench-results', 'soak');
    mkdirSync(outDir, { recursive: true });
    const reportFile = join(outDir, `${runId}.json`);
    writeFileSync(
      reportFile,
      `${JSON.stringify({ runId, minutes, concurrency, warmUp, bounds: BOUNDS, machine, tally, verdict, samples }, null, 2)}\n`,
    );
    say(`samples and verdict: ${reportFile}`);
    process.stdout.write(
      `soak: ${Math.round(actualMinutes * 10) / 10} minutes, ${tally.operations} operations, RSS ${rssText}, ${tally.errors} errors` +
        `${verdict.ok ? '' : `, ${verdict.breaches.length} bounds exceeded`}\n`,
    );
    return verdict.ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

function positive(text: string | undefined, flag: string, zeroAllowed = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0))
    throw new Error(`${flag} takes a positive number, not "${text}"`);
  return value;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[soak] failed: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    process.exit(2);
  },
);
