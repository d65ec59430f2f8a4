import { DEFAULTS, parseBenchArgs, parseCount } from './options';
import { chainLength } from './scenarios/round-trip';

describe('bench command line', () => {
  it('runs every scenario with the defaults when given nothing', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULTS);
  });

  it('takes a size and a concurrency for each scenario, with k suffixes', () => {
    const options = parseBenchArgs([
      '--launch-size',
      '5k',
      '--launch-concurrency',
      '50',
      '--round-trip-size',
      '10',
      '--round-trip-concurrency',
      '1,5',
      '--round-trip-samples',
      '200',
      '--scale-size',
      '1.5k',
      '--scale-concurrency',
      '30',
      '--scale-timer',
      '20',
      '--queries-tasks',
      '10k',
      '--queries-experts',
      '100',
      '--growth-sizes',
      '1k,2k,4k',
      '--replay-sample',
      '25',
    ]);
    expect(options.launch).toEqual({ size: 5_000, concurrency: 50 });
    expect(options.roundTrip).toEqual({ size: 10, samples: 200, concurrencies: [1, 5] });
    expect(options.scale).toEqual({ size: 1_500, concurrency: 30, timerSeconds: 20 });
    expect(options.queries).toMatchObject({ tasks: 10_000, experts: 100 });
    expect(options.growth.sizes).toEqual([1_000, 2_000, 4_000]);
    expect(options.replay.sample).toBe(25);
  });

  it('keeps the scenarios in their canonical order whatever order they are named in', () => {
    expect(parseBenchArgs(['--scenarios', 'scale,launch']).scenarios).toEqual(['launch', 'scale']);
  });

  it('refuses what it cannot run, naming the flag', () => {
    expect(() => parseBenchArgs(['--scenarios', 'launch,warp'])).toThrow(/unknown: warp/);
    expect(() => parseBenchArgs(['--launch-size', '0'])).toThrow(/--launch-size must be a positive whole number/);
    expect(() => parseBenchArgs(['--launch-size', '1.2345k'])).toThrow(/--launch-size/);
    expect(() => parseBenchArgs(['--growth-sizes', '5k,1k'])).toThrow(/--growth-sizes must be increasing/);
    expect(() => parseBenchArgs(['--temporal-address', 'nowhere'])).toThrow(/host:port/);
    expect(() => parseBenchArgs(['--lanch-size', '10'])).toThrow(/lanch-size/);
  });

  it('measures the dev server by default, the cluster or both when asked', () => {
    expect(parseBenchArgs(['--config', 'both'])).toMatchObject({ configs: ['dev', 'cluster'], scenarios: DEFAULTS.scenarios });
    // Alone, the cluster runs the two scenarios it is measured on.
    expect(parseBenchArgs(['--config', 'cluster'])).toMatchObject({ configs: ['cluster'], scenarios: ['launch', 'round-trip'] });
    expect(parseBenchArgs(['--config', 'cluster', '--scenarios', 'round-trip']).scenarios).toEqual(['round-trip']);
    expect(() => parseBenchArgs(['--config', 'cluster', '--scenarios', 'launch,scale'])).toThrow(/scale run on the dev server only/);
    expect(() => parseBenchArgs(['--config', 'prod'])).toThrow(/--config takes dev, cluster or both/);
    expect(() => parseBenchArgs(['--config', 'cluster', '--temporal-address', '127.0.0.1:7233'])).toThrow(/--temporal-address/);
  });

  it('reads counts with suffixes', () => {
    expect(parseCount('2000', '--x')).toBe(2_000);
    expect(parseCount('20K', '--x')).toBe(20_000);
    expect(parseCount('1m', '--x')).toBe(1_000_000);
    expect(() => parseCount('-3', '--x')).toThrow();
  });

  it('makes the chains longer where too few of them would leave a p99 over a handful of samples', () => {
    // The defaults: 10 per chain, at least 100 at each concurrency.
    expect([1, 10, 50].map((c) => chainLength(10, 100, c))).toEqual([100, 10, 10]);
    expect(chainLength(10, 100, 3)).toBe(34);
  });
});
