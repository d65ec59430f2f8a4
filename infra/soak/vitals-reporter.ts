import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded into each Node process of a soak run with `--require` (NODE_OPTIONS),
 * so the API and the worker are measured from inside without a line of their
 * own code changed: every SOAK_VITALS_INTERVAL_MS it appends one JSON line to
 * SOAK_VITALS_DIR/<pid>.jsonl with its memory, the event loop's delay over the
 * interval and the resources that keep it alive (sockets, timers, handles).
 */
export interface Vitals {
  at: number;
  pid: number;
  name: string;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  activeResources: number;
}

const dir = process.env.SOAK_VITALS_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.jsonl`);
  const name = process.env.PGAPPNAME ?? basename(process.argv[1] ?? 'node', '.js');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const report = () => {
    const memory = process.memoryUsage();
    const vitals: Vitals = {
      at: Date.now(),
      pid: process.pid,
      name,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
      activeResources: process.getActiveResourcesInfo().length,
    };
    delay.reset();
    appendFileSync(file, `${JSON.stringify(vitals)}\n`);
  };
  // unref: the reporter never keeps a process alive that would otherwise end.
  setInterval(report, Number(process.env.SOAK_VITALS_INTERVAL_MS ?? 5_000)).unref();
}
