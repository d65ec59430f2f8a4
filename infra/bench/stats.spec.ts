import { percentile, ratePerSecond, summarize } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles, never interpolating between samples', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('lets one slow sample out of ten set the p95 and p99', () => {
    const samples = [5, 5, 5, 5, 5, 5, 5, 5, 5, 500];
    const summary = summarize(samples);
    expect(summary.p50).toBe(5);
    expect(summary.p95).toBe(500);
    expect(summary.p99).toBe(500);
    expect(summary.mean).toBeCloseTo(54.5);
  });

  it('sorts its input without changing it and reports min, max and count', () => {
    const samples = [3, 1, 2];
    expect(summarize(samples)).toMatchObject({ count: 3, min: 1, max: 3, p50: 2 });
    expect(samples).toEqual([3, 1, 2]);
  });

  it('says NaN rather than zero when there is nothing to summarize', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.p99).toBeNaN();
    expect(ratePerSecond(10, 0)).toBeNaN();
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('computes rates per second from milliseconds', () => {
    expect(ratePerSecond(500, 2_000)).toBe(250);
  });
});
