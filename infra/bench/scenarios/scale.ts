import { statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { tsToMs } from '@temporalio/common/lib/time';
import { COORDINATOR, waitingRoundBody } from '../fixtures';
import { runPool } from '../pool';
import { Progress } from '../progress';
import { MiB, RssSampler } from '../process-stats';
import { ratePerSecond, summarize, type LatencySummary } from '../stats';
import { openParticipations, type BenchContext } from '../context';
import type { ScenarioResult } from '../results';

export const WORKER_RSS_LIMIT_MIB = 1024;
export const TIMER_LATENESS_P99_LIMIT_MS = 2_000;
const HISTORY_SAMPLE = 200;

/**
 * N participations open at once, each waiting on a person (the federal
 * answer) with a timer (its escalation) that fires `timerSeconds` after it
 * is requested, most of them while the others are still being launched.
 * Measures the worker's resident memory, the databases' growth, the time to
 * launch them all, and how late the timers fire.
 */
export async function scaleScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { size, concurrency, timerSeconds } = ctx.options.scale;
  const { stack, runId } = ctx;
  await stack.startApi({ FEDERAL_RESPONSE_TIMEOUT: `${timerSeconds}s` });
  try {
    await stack.settle();
    const openBefore = await openParticipations(ctx);
    const sizesBefore = await databaseSizes(ctx);
    const pids = stack.pids();
    const sampler = new RssSampler({ worker: pids.worker, api: pids.api, temporal: pids.temporal });
    const prefix = `scale-${runId}-`;
    const launches = await runPool('scale: launch', size, concurrency, async (i) => {
      await stack.api.launch(waitingRoundBody(`${prefix}${i}`), COORDINATOR);
    });
    const launched = launches.latenciesMs.length;
    const escalated = await waitForEscalations(ctx, `wto-round/${prefix}%`, launched, timerSeconds);
    const rss = sampler.stop();
    const sizesAfter = await databaseSizes(ctx);
    const lateness = await escalationLateness(ctx, `wto-round/${prefix}%`, timerSeconds * 1000);
    const timers = await timerLatenessFromHistories(ctx, prefix, launched);
    const workerPeakMiB = (rss.peakBytes.worker ?? NaN) / MiB;
    const notes = [
      `${launched} of ${size} launched (${concurrency} in flight) in ${(launches.elapsedMs / 1000).toFixed(1)} s; ${openBefore} participations were already open, ${await openParticipations(ctx)} open at the end.`,
      `Each waits on the federal answer; its escalation timer fires ${timerSeconds} s after the request, so most fire while the rest are still being launched. ${escalated} of ${launched} escalations recorded.`,
      `Timer lateness: TimerFired − (TimerStarted + timeout) from the histories of ${timers.sampled} participations picked at random. Escalation lateness: the journal's escalation entry against the deadline announced to the coordinator (includes the journal write before the timer starts); visible: when the row was committed.`,
      `Worker RSS at the end ${fmtMiB(rss.lastBytes.worker)}; API peak ${fmtMiB(rss.peakBytes.api)}; Temporal server peak ${fmtMiB(rss.peakBytes.temporal)}.`,
    ];
    if (launches.errors > 0) notes.push(`${launches.errors} launches failed, e.g. ${launches.errorSamples[0]}`);
    return {
      name: 'scale',
      title: '3. Open participations at scale',
      rows: [
        { metric: 'participations open at once', ours: openBefore + launched },
        { metric: 'time to launch them all (s)', ours: launches.elapsedMs / 1000 },
        { metric: 'launches per second', ours: ratePerSecond(launched, launches.elapsedMs) },
        {
          metric: 'worker RSS peak (MiB)',
          ours: workerPeakMiB,
          target: `< ${WORKER_RSS_LIMIT_MIB} MiB`,
          met: workerPeakMiB < WORKER_RSS_LIMIT_MIB,
        },
        { metric: 'timer lateness p50 (ms)', ours: timers.lateness.p50 },
        {
          metric: 'timer lateness p99 (ms)',
          ours: timers.lateness.p99,
          target: `< ${TIMER_LATENESS_P99_LIMIT_MS} ms`,
          met: timers.sampled > 0 ? timers.lateness.p99 < TIMER_LATENESS_P99_LIMIT_MS : null,
        },
        { metric: 'escalation lateness p99 (ms)', ours: lateness.workflow.p99 },
        { metric: 'escalation visible lateness p99 (ms)', ours: lateness.visible.p99 },
        { metric: 'Temporal database growth (MiB)', ours: diff(sizesAfter.temporalBytes, sizesBefore.temporalBytes) },
        { metric: 'PostgreSQL database growth (MiB)', ours: diff(sizesAfter.postgresBytes, sizesBefore.postgresBytes) },
      ],
      notes,
      details: {
        size,
        concurrency,
        timerSeconds,
        openBefore,
        launched,
        escalated,
        rss,
        sizesBefore,
        sizesAfter,
        lateness,
        timers,
        launchErrors: launches.errors,
      },
    };
  } finally {
    // Later scenarios (if any) get the default deadlines back.
    await stack.startApi({});
  }
}

async function waitForEscalations(ctx: BenchContext, pattern: string, expected: number, timerSeconds: number): Promise<number> {
  const progress = new Progress('scale: timers fired', expected);
  const deadline = Date.now() + timerSeconds * 1000 + 180_000;
  let seen = 0;
  try {
    while (seen < expected && Date.now() < deadline) {
      const { rows } = await ctx.stack.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'federal.escalated' AND workflow_id LIKE $1`,
        [pattern],
      );
      progress.tick(rows[0].n - seen);
      seen = rows[0].n;
      if (seen < expected) await delay(1_000);
    }
  } finally {
    progress.stop();
  }
  return seen;
}

async function escalationLateness(ctx: BenchContext, pattern: string, timeoutMs: number) {
  const { rows } = await ctx.stack.db.query<{ late: number; visible: number }>(
    `SELECT extract(epoch FROM e.occurred_at - r.occurred_at) * 1000 - $2 AS late,
            extract(epoch FROM e.recorded_at - r.occurred_at) * 1000 - $2 AS visible
       FROM audit_entries r
       JOIN audit_entries e ON e.workflow_id = r.workflow_id AND e.action = 'federal.escalated'
      WHERE r.action = 'federal.requested' AND r.workflow_id LIKE $1`,
    [pattern, timeoutMs],
  );
  return { workflow: summarize(rows.map((r) => Number(r.late))), visible: summarize(rows.map((r) => Number(r.visible))) };
}

/** Server-side timer lateness, read from the histories of a random sample of the participations. */
async function timerLatenessFromHistories(
  ctx: BenchContext,
  prefix: string,
  launched: number,
): Promise<{ sampled: number; lateness: LatencySummary }> {
  const picks = new Set<number>();
  while (picks.size < Math.min(HISTORY_SAMPLE, launched)) picks.add(Math.floor(Math.random() * launched));
  const samples: number[] = [];
  await Promise.all(
    [...picks].map(async (i) => {
      const history = await ctx.stack.client.workflow
        .getHandle(`wto-round/${prefix}${i}`)
        .fetchHistory()
        .catch(() => undefined);
      const started = new Map<string, number>();
      for (const event of history?.events ?? []) {
        const at = tsToMs(event.eventTime);
        const start = event.timerStartedEventAttributes;
        if (start?.timerId) started.set(start.timerId, at + tsToMs(start.startToFireTimeout));
        const fired = event.timerFiredEventAttributes;
        if (fired?.timerId && started.has(fired.timerId)) samples.push(at - (started.get(fired.timerId) as number));
      }
    }),
  );
  return { sampled: picks.size, lateness: summarize(samples) };
}

async function databaseSizes(ctx: BenchContext): Promise<{ temporalBytes?: number; postgresBytes: number }> {
  const file = ctx.stack.temporalDbFile;
  const temporalBytes = file ? ['', '-wal', '-shm'].reduce((sum, suffix) => sum + fileSize(`${file}${suffix}`), 0) : undefined;
  const { rows } = await ctx.stack.db.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  return { temporalBytes, postgresBytes: Number(rows[0].bytes) };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function diff(after: number | undefined, before: number | undefined): number | null {
  return after === undefined || before === undefined ? null : (after - before) / MiB;
}

function fmtMiB(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / MiB).toFixed(0)} MiB`;
}
