import { summarize, ratePerSecond, type LatencySummary } from '../stats';
import { runPool, type PoolResult } from '../pool';
import { measureCpu } from '../process-stats';
import { COORDINATOR, waitingRoundBody } from '../fixtures';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { benchIdleWorkflow, registerUpdate } from '../workflows/bare.workflow';
import { openParticipations, type BenchContext } from '../context';
import type { ScenarioResult } from '../results';
import { countLaunches, countRows, describeCounts, type Launched } from '../history-counts';

export const LAUNCH_TARGET_RATIO = 0.85;
/** Histories read per side for the workflow task counts. */
const COUNTS_SAMPLE = 50;

interface LaunchRun extends PoolResult {
  rate: number;
  latency: LatencySummary;
  cpuMsPerLaunch: Record<string, number>;
  /** The workflows started and when each launch answered, for the history counts. */
  launched: Launched[];
}

export interface LaunchMeasurement {
  ours: LaunchRun & { unprojected: number };
  bare: LaunchRun;
  /** Update-with-Start of the idle workflow, answered once one local activity has inserted one row. */
  floor: LaunchRun;
}

/**
 * N participations launched over HTTP (validation, start, the wait for the
 * projection) against N bare `client.workflow.start` calls of an idle workflow
 * on the same server, with as many requests in flight. The bare run goes
 * first, so ours runs on a server that holds slightly more, never less.
 */
export async function measureLaunches(ctx: BenchContext, tag: string, size: number, concurrency: number): Promise<LaunchMeasurement> {
  const { stack, runId } = ctx;
  const pids = stack.pids();
  /** `size` launches, `concurrency` at once, after the server settles: their rate, latency, CPU per launch and workflows. */
  const timeLaunches = async (
    label: string,
    cpuOf: Record<string, number | undefined>,
    launchOne: (i: number) => Promise<string>,
  ): Promise<LaunchRun> => {
    const launched: Launched[] = [];
    await stack.settle();
    const measured = await measureCpu(cpuOf, () =>
      runPool(`${tag}: ${label}`, size, concurrency, async (i) => {
        launched.push({ workflowId: await launchOne(i), answeredAtMs: Date.now() });
      }),
    );
    return {
      ...measured.result,
      rate: rate(measured.result),
      latency: summarize(measured.result.latenciesMs),
      cpuMsPerLaunch: Object.fromEntries(
        Object.entries(measured.cpuSeconds).map(([name, seconds]) => [name, (seconds * 1000) / Math.max(size, 1)]),
      ),
      launched,
    };
  };
  const bareCpu = { ...stack.temporalPids(), bareWorker: pids.bare };
  const bare = await timeLaunches('bare workflow.start', bareCpu, async (i) => {
    const handle = await stack.client.workflow.start(benchIdleWorkflow, {
      workflowId: `bench-bare/${runId}/${tag}/${i}`,
      taskQueue: stack.bareTaskQueue,
    });
    return handle.workflowId;
  });
  const floor = await timeLaunches('floor Update-with-Start', bareCpu, async (i) => {
    const startWorkflowOperation = new WithStartWorkflowOperation(benchIdleWorkflow, {
      workflowId: `bench-floor/${runId}/${tag}/${i}`,
      taskQueue: stack.bareTaskQueue,
      workflowIdConflictPolicy: 'FAIL',
    });
    await stack.client.workflow.executeUpdateWithStart(registerUpdate, { args: [1], startWorkflowOperation });
    return startWorkflowOperation.options.workflowId;
  });
  let unprojected = 0;
  const ours = await timeLaunches('POST /participations', { ...stack.temporalPids(), api: pids.api, worker: pids.worker }, async (i) => {
    const launched = await stack.api.launch(waitingRoundBody(`${tag}-${runId}-${i}`.toLowerCase()), COORDINATOR);
    if (!launched.projected) unprojected += 1;
    return launched.workflowId;
  });
  return { bare, floor, ours: { ...ours, unprojected } };
}

function rate(result: PoolResult): number {
  return ratePerSecond(result.latenciesMs.length, result.elapsedMs);
}

export async function launchScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { size, concurrency } = ctx.options.launch;
  const openBefore = await openParticipations(ctx);
  const m = await measureLaunches(ctx, 'launch', size, concurrency);
  const [oursCounts, bareCounts] = await Promise.all([
    countLaunches(ctx.stack.client, m.ours.launched, COUNTS_SAMPLE),
    countLaunches(ctx.stack.client, m.bare.launched, COUNTS_SAMPLE),
  ]);
  const ratio = m.ours.rate / m.bare.rate;
  const notes = [
    `${size} launches each, ${concurrency} in flight; ${openBefore} participations already open.`,
    `Ours: HTTP → validation → workflow start → wait until the worker has written the participation (LAUNCH_PROJECTION_WAIT). Each request carries the coordinator's RS256 bearer token, verified against the bench's JWKS as in production.`,
    `Floor: Update-with-Start of the bare workflow whose Update awaits one local activity inserting one row (a launch that answers once its first write is committed, and nothing else); p50 ${m.floor.latency.p50.toFixed(1)} ms, p99 ${m.floor.latency.p99.toFixed(1)} ms${m.floor.errors ? `, ${m.floor.errors} errors, e.g. ${m.floor.errorSamples[0]}` : ''}.`,
    `CPU per launch (ms): ours ${fmtCpu(m.ours.cpuMsPerLaunch)}; bare ${fmtCpu(m.bare.cpuMsPerLaunch)}; floor ${fmtCpu(m.floor.cpuMsPerLaunch)}.`,
    `History per launch, until the workflow waits: ours ${describeCounts(oursCounts.total, 'launch')}; bare ${describeCounts(bareCounts.total, 'launch')}. Before the launch answered: ours ${describeCounts(oursCounts.beforeAnswer, 'launch')}.`,
  ];
  if (m.ours.unprojected > 0) notes.push(`${m.ours.unprojected} launches answered before their projection was written (projected: false).`);
  for (const [who, run] of [
    ['ours', m.ours],
    ['bare', m.bare],
  ] as const) {
    if (run.errors > 0) notes.push(`${run.errors} ${who} errors, e.g. ${run.errorSamples[0]}`);
  }
  const [oursServer, bareServer] = [serverCpu(m.ours.cpuMsPerLaunch), serverCpu(m.bare.cpuMsPerLaunch)];
  const [oursApps, bareApps] = [sum(m.ours.cpuMsPerLaunch) - oursServer, sum(m.bare.cpuMsPerLaunch) - bareServer];
  const before = (counts: typeof oursCounts) => (counts.beforeAnswer.windows ? counts.beforeAnswer.mean.workflowTasksCompleted : null);
  const [oursBefore, bareBefore] = [before(oursCounts), before(bareCounts)];
  return {
    name: 'launch',
    title: '1. Launch throughput',
    rows: [
      {
        metric: 'launches per second',
        ours: m.ours.rate,
        baseline: m.bare.rate,
        ratio,
        target: `ratio ≥ ${LAUNCH_TARGET_RATIO}`,
        met: ratio >= LAUNCH_TARGET_RATIO && m.ours.errors === 0,
      },
      {
        metric: 'latency p50 (ms)',
        ours: m.ours.latency.p50,
        baseline: m.bare.latency.p50,
        ratio: m.ours.latency.p50 / m.bare.latency.p50,
      },
      {
        metric: 'latency p99 (ms)',
        ours: m.ours.latency.p99,
        baseline: m.bare.latency.p99,
        ratio: m.ours.latency.p99 / m.bare.latency.p99,
      },
      { metric: 'errors', ours: m.ours.errors, baseline: m.bare.errors },
      {
        metric: 'floor: launches per second (Update-with-Start, one row)',
        ours: m.floor.rate,
        baseline: m.bare.rate,
        ratio: m.floor.rate / m.bare.rate,
      },
      { metric: 'ours ÷ floor, launches per second', ours: m.ours.rate / m.floor.rate },
      { metric: 'CPU ms per launch, Temporal server', ours: oursServer, baseline: bareServer, ratio: oursServer / bareServer },
      { metric: 'CPU ms per launch, API + worker (bare: its worker)', ours: oursApps, baseline: bareApps, ratio: oursApps / bareApps },
      ...countRows('', 'launch', oursCounts.total, bareCounts.total),
      {
        metric: 'workflow tasks before the launch answered',
        ours: oursBefore,
        baseline: bareBefore,
        ratio: oursBefore !== null && bareBefore ? oursBefore / bareBefore : null,
      },
    ],
    notes,
    details: {
      size,
      concurrency,
      openBefore,
      ours: strip(m.ours),
      bare: strip(m.bare),
      floor: strip(m.floor),
      historyCounts: { ours: oursCounts, bare: bareCounts },
    },
  };
}

/** CPU of the Temporal server's processes (one for the dev server, one per service on the cluster). */
export function serverCpu(cpu: Record<string, number>): number {
  return sum(Object.fromEntries(Object.entries(cpu).filter(([name]) => name.startsWith('temporal'))));
}

export function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((total, value) => total + value, 0);
}

export function fmtCpu(cpu: Record<string, number>): string {
  return (
    Object.entries(cpu)
      .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
      .join(', ') || 'n/a'
  );
}

/** The JSON keeps summaries, not every sample. */
export function strip<T extends { latenciesMs: number[]; launched?: unknown }>(run: T): Omit<T, 'latenciesMs' | 'launched'> {
  const { latenciesMs: _samples, launched: _launched, ...rest } = run;
  return rest;
}
