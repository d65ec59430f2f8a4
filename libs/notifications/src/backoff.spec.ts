import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from the initial wait at each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempts) => retryDelayMs(attempts, 30_000, 300_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
  });
});
