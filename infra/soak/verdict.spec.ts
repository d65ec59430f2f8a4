import { BOUNDS, judge, type Sample } from './verdict';

const MiB = 1024 * 1024;

/** A run of `count` samples whose api process follows `rss(i)` (MiB) and `handles(i)`. */
function run(
  count: number,
  rss: (i: number) => number,
  handles: (i: number) => number = () => 40,
  extra: Partial<Sample['processes'][string]> = {},
): Sample[] {
  return Array.from({ length: count }, (_, i) => ({
    at: i * 15_000,
    processes: { api: { rssBytes: rss(i) * MiB, activeResources: handles(i), eventLoopDelayP99Ms: 20, dbConnections: 6, ...extra } },
  }));
}

describe('soak verdict', () => {
  it('passes a process that grows while warming and then settles', () => {
    const verdict = judge(
      run(20, (i) => 200 + Math.min(i, 5) * 4),
      0,
    );
    expect(verdict).toMatchObject({ ok: true, breaches: [] });
    expect(verdict.rss.api).toEqual({ warm: 204 * MiB, end: 220 * MiB });
  });

  it('fails a process that keeps growing, and says by how much', () => {
    const verdict = judge(
      run(20, (i) => 200 + i * 10),
      0,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.breaches).toEqual([expect.stringMatching(/^api: RSS 210 MiB → 380 MiB, more than the 311 MiB allowed$/)]);
  });

  it('fails on errors, leaked handles, a stalled event loop and connections beyond the pool', () => {
    expect(
      judge(
        run(10, () => 200),
        2,
      ).breaches,
    ).toEqual(['2 operations failed']);
    expect(
      judge(
        run(
          10,
          () => 200,
          (i) => 40 + i * 10,
        ),
        0,
      ).breaches,
    ).toEqual([`api: active resources 50 → 120, more than ${BOUNDS.activeResourcesGrowth} added`]);
    expect(
      judge(
        run(10, () => 200, undefined, { eventLoopDelayP99Ms: 1_500 }),
        0,
      ).breaches,
    ).toEqual(['api: event loop delay p99 reached 1500 ms']);
    expect(
      judge(
        run(10, () => 200, undefined, { dbConnections: 12 }),
        0,
      ).breaches,
    ).toEqual(['api: 12 database connections open at once']);
  });

  it('refuses to judge growth from too few samples', () => {
    expect(
      judge(
        run(4, () => 200),
        0,
      ).breaches,
    ).toEqual(['api: 4 samples after warm-up, at least 6 needed to judge growth']);
  });
});
