import { COORDINATOR, waitingRoundBody } from '../fixtures';
import { runPool } from '../pool';
import { openParticipations, type BenchContext } from '../context';
import type { ResultRow, ScenarioResult } from '../results';
import { measureLaunches, strip, sum } from './launch';
import { measureRoundTrips } from './round-trip';
import { MiB, RssSampler } from '../process-stats';
import { WORKER_RSS_LIMIT_MIB } from './scale';

/** Cost per participation at the largest size may be at most this much above the smallest. */
export const GROWTH_TOLERANCE = 1.25;
const PROBE_CHAINS = 10;

/**
 * Scenarios 1 and 2 again, as the number of open participations grows: the
 * population is filled (over HTTP) to each size, then a launch probe and a
 * round-trip probe run on top of it. Flat means the last size costs about
 * what the first did, per launch and per hand-over. The worker's memory is
 * sampled at each level: it must stay under its bound whatever the number open.
 */
export async function growthScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, concurrency, probeLaunches, probeRoundTrips } = ctx.options.growth;
  const levels = [];
  for (const size of sizes) {
    const rss = new RssSampler({ worker: ctx.stack.pids().worker });
    const need = size - (await openParticipations(ctx));
    let fill = null;
    if (need > 0) {
      const filled = await runPool(`growth: fill to ${size}`, need, concurrency, async (i) => {
        await ctx.stack.api.launch(waitingRoundBody(`fill-${size}-${ctx.runId}-${i}`), COORDINATOR);
      });
      fill = {
        launched: filled.latenciesMs.length,
        errors: filled.errors,
        elapsedS: filled.elapsedMs / 1000,
        perSecond: (filled.latenciesMs.length * 1000) / filled.elapsedMs,
      };
    }
    const open = await openParticipations(ctx);
    const launch = await measureLaunches(ctx, `growth-${size}`, probeLaunches, concurrency);
    const roundTrip = await measureRoundTrips(ctx, `growth-${size}`, PROBE_CHAINS, probeRoundTrips);
    const workerRssPeakMiB = (rss.stop().peakBytes.worker ?? NaN) / MiB;
    levels.push({ size, open, fill, launch, roundTrip, workerRssPeakMiB });
  }
  const rows: ResultRow[] = [];
  for (const level of levels) {
    const { launch, roundTrip } = level;
    const cpu = sum(launch.ours.cpuMsPerLaunch);
    rows.push(
      {
        metric: `${level.open} open: launches per second`,
        ours: launch.ours.rate,
        baseline: launch.bare.rate,
        ratio: launch.ours.rate / launch.bare.rate,
      },
      { metric: `${level.open} open: CPU ms per launch (API+worker+server)`, ours: cpu, baseline: sum(launch.bare.cpuMsPerLaunch) },
      {
        metric: `${level.open} open: round trip p99 (ms), c=${PROBE_CHAINS}`,
        ours: roundTrip.ours.roundTrip.p99,
        baseline: roundTrip.bare.update.p99,
        ratio: roundTrip.ours.roundTrip.p99 / roundTrip.bare.update.p99,
      },
      { metric: `${level.open} open: CPU ms per hand-over (API+worker+server)`, ours: sum(roundTrip.ours.cpuMsPerTask) },
      {
        metric: `${level.open} open: worker RSS peak (MiB)`,
        ours: level.workerRssPeakMiB,
        target: `< ${WORKER_RSS_LIMIT_MIB} MiB`,
        met: level.workerRssPeakMiB < WORKER_RSS_LIMIT_MIB,
      },
    );
  }
  const first = levels[0];
  const last = levels[levels.length - 1];
  const notes = [
    `At each size: fill with waiting participations over HTTP (${concurrency} in flight), then ${probeLaunches} launches (and as many bare starts), then ${PROBE_CHAINS} expert chains × ${probeRoundTrips} hand-overs (and bare Updates).`,
    ...levels
      .filter((l) => l.fill)
      .map(
        (l) =>
          `Fill to ${l.size}: ${l.fill?.launched} launches in ${l.fill?.elapsedS.toFixed(0)} s (${l.fill?.perSecond.toFixed(0)}/s)${l.fill?.errors ? `, ${l.fill.errors} errors` : ''}.`,
      ),
  ];
  for (const level of levels) {
    const { ours, bare } = level.launch;
    if (ours.errors + bare.errors + level.roundTrip.ours.errors > 0) {
      notes.push(
        `${level.open} open: ${ours.errors} launch errors, ${bare.errors} bare start errors, ${level.roundTrip.ours.errors} failed chains; e.g. ${[...ours.errorSamples, ...level.roundTrip.ours.errorSamples][0] ?? bare.errorSamples[0]}`,
      );
    }
  }
  if (first && last && first !== last) {
    // Ratios to the same run's bare figures at each size, so that the machine's other load,
    // which moves both alike, does not pass for growth; CPU per operation does not depend on it.
    const versus = `${last.open} vs ${first.open} open`;
    const growth = [
      { metric: `time per launch (÷ bare start), ${versus}`, value: launchCost(last) / launchCost(first) },
      { metric: `CPU per launch, ${versus}`, value: sum(last.launch.ours.cpuMsPerLaunch) / sum(first.launch.ours.cpuMsPerLaunch) },
      { metric: `round trip p50 (÷ bare Update), ${versus}`, value: handOverCost(last) / handOverCost(first) },
      { metric: `CPU per hand-over, ${versus}`, value: sum(last.roundTrip.ours.cpuMsPerTask) / sum(first.roundTrip.ours.cpuMsPerTask) },
    ];
    for (const { metric, value } of growth)
      rows.push({ metric, ours: value, target: `≤ ${GROWTH_TOLERANCE}×`, met: value <= GROWTH_TOLERANCE });
  }
  return {
    name: 'growth',
    title: '5. Growth: cost per participation as the open ones grow',
    rows,
    notes,
    details: {
      sizes,
      levels: levels.map((l) => ({
        ...l,
        launch: { ours: strip(l.launch.ours), bare: strip(l.launch.bare), floor: strip(l.launch.floor) },
      })),
    },
  };
}

type Level = { launch: Awaited<ReturnType<typeof measureLaunches>>; roundTrip: Awaited<ReturnType<typeof measureRoundTrips>> };

function launchCost({ launch }: Level): number {
  return launch.bare.rate / launch.ours.rate;
}

function handOverCost({ roundTrip }: Level): number {
  return roundTrip.ours.roundTrip.p50 / roundTrip.bare.update.p50;
}
