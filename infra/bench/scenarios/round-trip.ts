import { performance } from 'node:perf_hooks';
import { Inbox, type TaskRow } from '../api-client';
import { APPROVER, chainRoundBody, COORDINATOR, MAX_SESSIONS } from '../fixtures';
import { Progress } from '../progress';
import { measureCpu } from '../process-stats';
import { ratePerSecond, summarize, type LatencySummary } from '../stats';
import { openParticipations, type BenchContext } from '../context';
import { fmtCpu, serverCpu, sum } from './launch';
import type { ResultRow, ScenarioResult } from '../results';
import { countRows, countUpdateRounds, describeCounts, describeTimes, type RoundTimes, type Updated } from '../history-counts';
import type { MeanCounts } from '../task-counts';
import { bareUpdates, type BareMeasurement } from './bare-updates';

export const ROUND_TRIP_P99_FACTOR = 3;
export const TASKS_PER_SECOND_TARGET = 100;
const HANDOVERS_PER_ROUND = MAX_SESSIONS - 1;

interface Chain {
  participationId: string;
  workflowId: string;
  experts: string[];
  first: TaskRow;
  handovers: number;
  /** Hand-overs made so far: the last `done` completeTask rounds of the history are the measured ones. */
  done: number;
}

export interface RoundTripMeasurement {
  concurrency: number;
  ours: {
    roundTrip: LatencySummary;
    completion: LatencySummary;
    perSecond: number;
    errors: number;
    errorSamples: string[];
    cpuMsPerTask: Record<string, number>;
    counts: MeanCounts & { missing: number; times: RoundTimes };
  };
  bare: BareMeasurement;
  /** The floor: an Update whose handler awaits one activity inserting one PostgreSQL row. */
  floor: BareMeasurement;
}

/**
 * Simulated experts complete their task over HTTP the moment it shows in
 * their inbox; each completion opens the next debrief for another expert.
 * Measured: from the completion request to the next task being visible in
 * the next expert's inbox. Against it: a bare Update on an idle workflow,
 * with as many callers at once.
 */
export async function measureRoundTrips(ctx: BenchContext, tag: string, concurrency: number, size: number): Promise<RoundTripMeasurement> {
  await ctx.stack.settle();
  const bare = await bareUpdates(ctx, tag, concurrency, size, 'bare');
  const floor = await bareUpdates(ctx, tag, concurrency, size, 'floor');
  const chains = await prepareChains(ctx, tag, concurrency, size);
  await ctx.stack.settle();
  const inbox = new Inbox(ctx.stack.api);
  const roundTrips: number[] = [];
  const completions: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const progress = new Progress(`${tag} c=${concurrency}: hand-overs`, concurrency * size);
  const pids = ctx.stack.pids();
  const started = performance.now();
  const { cpuSeconds } = await measureCpu({ ...ctx.stack.temporalPids(), api: pids.api, worker: pids.worker }, () =>
    Promise.all(
      chains.map(async (slotChains) => {
        for (const chain of slotChains) {
          try {
            await runChain(ctx, inbox, chain, roundTrips, completions, () => progress.tick());
          } catch (err) {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(err instanceof Error ? err.message : String(err));
          }
        }
      }),
    ),
  );
  const elapsed = performance.now() - started;
  progress.stop();
  const measured: Updated[] = chains
    .flat()
    .map((chain) => ({ workflowId: chain.workflowId, updateName: 'completeTask', rounds: chain.done }));
  return {
    concurrency,
    ours: {
      roundTrip: summarize(roundTrips),
      completion: summarize(completions),
      perSecond: ratePerSecond(roundTrips.length, elapsed),
      errors,
      errorSamples,
      cpuMsPerTask: Object.fromEntries(Object.entries(cpuSeconds).map(([name, s]) => [name, (s * 1000) / Math.max(roundTrips.length, 1)])),
      counts: await countUpdateRounds(ctx.stack.client, measured),
    },
    bare,
    floor,
  };
}

async function runChain(ctx: BenchContext, inbox: Inbox, chain: Chain, roundTrips: number[], completions: number[], tick: () => void) {
  let current = chain.first;
  let session = 0;
  for (let k = 1; k <= chain.handovers; k += 1) {
    // Each session's lead confirms attendance, then writes the debrief; the debrief hands over to the next session's lead.
    if (current.kind !== 'attendance') session += 1;
    const nextExpert = current.kind === 'attendance' ? (current.assigneeId as string) : chain.experts[session % chain.experts.length];
    const began = performance.now();
    await ctx.stack.api.completeTask(current);
    completions.push(performance.now() - began);
    const { task, seenAt } = await inbox.waitForNew(nextExpert, { participationId: chain.participationId }, new Set([current.id]));
    roundTrips.push(seenAt - began);
    current = task;
    chain.done += 1;
    tick();
  }
}

/**
 * Drives rounds to their first debrief: federal seat granted, the position
 * delivered, the mandate approved. Not measured. Each slot (simulated expert
 * chain) gets enough rounds for `size` hand-overs.
 */
async function prepareChains(ctx: BenchContext, tag: string, concurrency: number, size: number): Promise<Chain[][]> {
  const roundsPerSlot = Math.ceil(size / HANDOVERS_PER_ROUND);
  const total = concurrency * roundsPerSlot;
  const progress = new Progress(`${tag} c=${concurrency}: set-up`, total);
  const inbox = new Inbox(ctx.stack.api);
  try {
    const slots = Array.from({ length: concurrency }, (_, slot) =>
      Array.from({ length: roundsPerSlot }, (_, round) => {
        const handovers = Math.min(HANDOVERS_PER_ROUND, size - round * HANDOVERS_PER_ROUND);
        return { slot, round, handovers };
      }),
    );
    const prepared: Chain[][] = slots.map(() => []);
    const queue = slots.flat();
    // Set-up is not measured; a few at a time is enough and spares the server.
    await Promise.all(
      Array.from({ length: Math.min(20, queue.length) }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          prepared[job.slot][job.round] = await prepareChain(
            ctx,
            inbox,
            `${tag}-c${concurrency}-s${job.slot}-r${job.round}`,
            job.handovers,
          );
          progress.tick();
        }
      }),
    );
    return prepared;
  } finally {
    progress.stop();
  }
}

async function prepareChain(ctx: BenchContext, inbox: Inbox, name: string, handovers: number): Promise<Chain> {
  const api = ctx.stack.api;
  const key = `${name}-${ctx.runId}`.toLowerCase();
  const experts = ['a', 'b', 'c'].map((letter) => `expert-${key}-${letter}`);
  const { id, workflowId } = await api.launch(chainRoundBody(key, experts, handovers + 1), COORDINATOR);
  await api.stepWhenReady(id, 'federal-response', { decision: 'granted', actorId: COORDINATOR });
  const position = await inbox.waitForNew(experts[0], { participationId: id }, new Set());
  await api.completeTask(position.task);
  await api.stepWhenReady(id, 'mandate-decision', { decision: 'approve', actorId: APPROVER });
  const first = await inbox.waitForNew(experts[0], { participationId: id }, new Set([position.task.id]));
  return { participationId: id, workflowId, experts, first: first.task, handovers, done: 0 };
}

/** Hand-overs per chain at `concurrency`: `size`, or more when too few chains would leave fewer than `samples` in all. */
export function chainLength(size: number, samples: number, concurrency: number): number {
  return Math.max(size, Math.ceil(samples / concurrency));
}

export async function roundTripScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { size, samples, concurrencies } = ctx.options.roundTrip;
  const openBefore = await openParticipations(ctx);
  const runs: RoundTripMeasurement[] = [];
  for (const concurrency of concurrencies) {
    runs.push(await measureRoundTrips(ctx, 'round-trip', concurrency, chainLength(size, samples, concurrency)));
  }
  const rows: ResultRow[] = [];
  const notes = [
    `${size} hand-overs per simulated expert chain at each concurrency, more where fewer chains would make fewer than ${samples} in all ` +
      `(${concurrencies.map((c) => `c=${c}: ${chainLength(size, samples, c)}`).join(', ')}), and as many bare and floor Updates; ` +
      `${openBefore} participations already open.`,
    'Ours: POST /tasks/:id/complete (Update → projection) until the next task shows in its assignee’s inbox (a session’s attendance, then its debrief by the same lead, then the next session’s attendance by another expert), polled every 2–20 ms. The inbox is GET /tasks?participationId=…&assigneeId=…&status=open,claimed as the expert, with the expert’s token.',
    'Bare: executeUpdate on an idle workflow whose handler returns at once.',
    'Floor: executeUpdate whose handler awaits one activity that inserts one PostgreSQL row (the bare worker, the bench database): the least a hand-over that writes its projection through an activity can cost.',
  ];
  for (const run of runs) {
    const c = run.concurrency;
    const factor = run.ours.roundTrip.p99 / run.bare.update.p99;
    rows.push(
      {
        metric: `c=${c} round trip p50 (ms)`,
        ours: run.ours.roundTrip.p50,
        baseline: run.bare.update.p50,
        ratio: run.ours.roundTrip.p50 / run.bare.update.p50,
      },
      {
        metric: `c=${c} round trip p95 (ms)`,
        ours: run.ours.roundTrip.p95,
        baseline: run.bare.update.p95,
        ratio: run.ours.roundTrip.p95 / run.bare.update.p95,
      },
      {
        metric: `c=${c} round trip p99 (ms)`,
        ours: run.ours.roundTrip.p99,
        baseline: run.bare.update.p99,
        ratio: factor,
        target: `≤ ${ROUND_TRIP_P99_FACTOR}× bare p99`,
        met: factor <= ROUND_TRIP_P99_FACTOR && run.ours.errors === 0,
      },
      {
        metric: `c=${c} tasks completed per second`,
        ours: run.ours.perSecond,
        baseline: run.bare.perSecond,
        ratio: run.ours.perSecond / run.bare.perSecond,
      },
      {
        metric: `c=${c} round trip p99 against the floor (ms)`,
        ours: run.ours.roundTrip.p99,
        baseline: run.floor.update.p99,
        ratio: run.ours.roundTrip.p99 / run.floor.update.p99,
      },
      {
        metric: `c=${c} tasks per second against the floor`,
        ours: run.ours.perSecond,
        baseline: run.floor.perSecond,
        ratio: run.ours.perSecond / run.floor.perSecond,
      },
      { metric: `c=${c} CPU ms per hand-over, Temporal server`, ours: serverCpu(run.ours.cpuMsPerTask) },
      { metric: `c=${c} CPU ms per hand-over, API + worker`, ours: sum(run.ours.cpuMsPerTask) - serverCpu(run.ours.cpuMsPerTask) },
      ...countRows(`c=${c} `, 'hand-over', run.ours.counts, run.bare.counts),
      {
        metric: `c=${c} workflow tasks per hand-over against the floor`,
        ours: run.ours.counts.windows ? run.ours.counts.mean.workflowTasksCompleted : null,
        baseline: run.floor.counts.windows ? run.floor.counts.mean.workflowTasksCompleted : null,
        ratio:
          run.ours.counts.windows && run.floor.counts.windows
            ? run.ours.counts.mean.workflowTasksCompleted / run.floor.counts.mean.workflowTasksCompleted
            : null,
      },
    );
    notes.push(
      `c=${c}: completion request alone p50 ${run.ours.completion.p50.toFixed(1)} ms, p99 ${run.ours.completion.p99.toFixed(1)} ms; CPU per task (ms) ${fmtCpu(run.ours.cpuMsPerTask)}.`,
    );
    if (run.ours.errors > 0) notes.push(`c=${c}: ${run.ours.errors} chains failed, e.g. ${run.ours.errorSamples[0]}`);
    if (run.bare.errors > 0) notes.push(`c=${c}: ${run.bare.errors} bare Updates failed`);
    if (run.floor.errors > 0) notes.push(`c=${c}: ${run.floor.errors} floor Updates failed`);
    notes.push(
      `c=${c}: floor (Update awaiting one activity inserting one row) p50 ${run.floor.update.p50.toFixed(1)} ms, p99 ${run.floor.update.p99.toFixed(1)} ms, ${run.floor.perSecond.toFixed(1)} per second.`,
    );
    notes.push(
      `c=${c}: history per hand-over (one completeTask Update round): ours ${describeCounts(run.ours.counts, 'hand-over')}; ` +
        `bare ${describeCounts(run.bare.counts, 'Update')}; floor ${describeCounts(run.floor.counts, 'Update')}.`,
    );
    notes.push(
      `c=${c}: time per hand-over from the histories: ours ${describeTimes(run.ours.counts.times)}; ` +
        `bare ${describeTimes(run.bare.counts.times)}; floor ${describeTimes(run.floor.counts.times)}.`,
    );
    const missing = run.ours.counts.missing + run.bare.counts.missing + run.floor.counts.missing;
    if (missing > 0)
      notes.push(`c=${c}: ${missing} measured Update rounds not found in the histories (unreadable history or failed Update).`);
  }
  const top = runs[runs.length - 1];
  if (top) {
    rows.push({
      metric: `sustained tasks per second at c=${top.concurrency}`,
      ours: top.ours.perSecond,
      target: `≥ ${TASKS_PER_SECOND_TARGET} at c=50`,
      met: top.concurrency >= 50 ? top.ours.perSecond >= TASKS_PER_SECOND_TARGET : null,
    });
  }
  return {
    name: 'round-trip',
    title: '2. Human-task round trip',
    rows,
    notes,
    details: { size, samples, concurrencies, openBefore, runs },
  };
}
