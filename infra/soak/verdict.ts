/** What one process looked like at one sample. */
export interface ProcessSample {
  rssBytes: number;
  /** Node processes only: the event loop's delay over the last interval, and what keeps the loop alive. */
  eventLoopDelayP99Ms?: number;
  activeResources?: number;
  /** Open connections to the soak's database, by application_name. */
  dbConnections?: number;
}

export interface Sample {
  at: number;
  processes: Record<string, ProcessSample>;
}

/**
 * The bounds a soak is judged by, stated once (docs/performance.md prints them).
 * Growth compares the median of the first three samples after warm-up with the
 * median of the last three: a process that settles passes, one that keeps
 * growing at the same pace for the whole run does not.
 */
export const BOUNDS = {
  /** Resident memory may grow by this fraction of its warm value, plus a fixed allowance (JIT, caches filling). */
  rssGrowthFraction: 0.25,
  rssGrowthAllowanceBytes: 48 * 1024 * 1024,
  /** The Temporal dev server keeps its SQLite pages and caches in memory: a looser bound. */
  temporalRssGrowthFraction: 1,
  /** Sockets, timers and handles: a leak adds one per operation, thousands over a run. */
  activeResourcesGrowth: 25,
  eventLoopDelayP99Ms: 1_000,
  /**
   * The pool's size (DATABASE_POOL_SIZE's default, 10) and the API's one LISTEN
   * connection for live inbox updates: more would mean connections never returned.
   */
  dbConnections: 11,
} as const;

export interface Verdict {
  ok: boolean;
  breaches: string[];
  rss: Record<string, { warm: number; end: number }>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Judges a run's samples (those after warm-up) against the bounds; errors fail it whatever the samples say. */
export function judge(samples: Sample[], errors: number): Verdict {
  const breaches: string[] = [];
  if (errors > 0) breaches.push(`${errors} operations failed`);
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.processes)))].sort();
  const rss: Verdict['rss'] = {};
  for (const name of names) {
    const series = samples.map((s) => s.processes[name]).filter((p): p is ProcessSample => p !== undefined);
    if (series.length < 6) {
      breaches.push(`${name}: ${series.length} samples after warm-up, at least 6 needed to judge growth`);
      continue;
    }
    const warm = series.slice(0, 3);
    const end = series.slice(-3);
    const warmRss = median(warm.map((p) => p.rssBytes));
    const endRss = median(end.map((p) => p.rssBytes));
    rss[name] = { warm: warmRss, end: endRss };
    const fraction = name === 'temporal' ? BOUNDS.temporalRssGrowthFraction : BOUNDS.rssGrowthFraction;
    const allowed = warmRss * (1 + fraction) + BOUNDS.rssGrowthAllowanceBytes;
    if (endRss > allowed) breaches.push(`${name}: RSS ${mib(warmRss)} → ${mib(endRss)}, more than the ${mib(allowed)} allowed`);
    const handles = (ps: ProcessSample[]) => median(ps.map((p) => p.activeResources ?? 0));
    if (handles(end) > handles(warm) + BOUNDS.activeResourcesGrowth)
      breaches.push(`${name}: active resources ${handles(warm)} → ${handles(end)}, more than ${BOUNDS.activeResourcesGrowth} added`);
    const slowest = Math.max(...series.map((p) => p.eventLoopDelayP99Ms ?? 0));
    if (slowest > BOUNDS.eventLoopDelayP99Ms) breaches.push(`${name}: event loop delay p99 reached ${Math.round(slowest)} ms`);
    const connections = Math.max(...series.map((p) => p.dbConnections ?? 0));
    if (connections > BOUNDS.dbConnections) breaches.push(`${name}: ${connections} database connections open at once`);
  }
  return { ok: breaches.length === 0, breaches, rss };
}
